using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Grains.Tests.Demarches;

[Collection(ClusterCollection.Name)]
public sealed class QueueTests(ClusterFixture fixture)
{
    private const string Dupont = "Agent Dupont";
    private const string Martin = "Agent Martin";
    private const string ActeDeces = "acte-deces";

    [Fact]
    public async Task The_queue_filters_searches_and_pages_newest_first()
    {
        var desk = new DemarcheDesk(fixture);
        var now = desk.Now;
        var a = await desk.Submit("Éloïse Lefèvre", submittedAt: now.AddDays(-3));
        await desk.Move(a, "instruire", Actor.Agent, Dupont);
        await desk.Request(a.Reference).Assign("op-a", DemarcheDesk.Agent(Martin), Martin, Dupont);
        var b = await desk.Submit("Paul Durand", accountId: "", channel: RequestChannel.Counter, agentName: Dupont, submittedAt: now.AddDays(-2));
        await desk.Move(b, "refuser", Actor.Agent, Dupont, "Acte introuvable.");
        var c = await desk.Submit("Claire Martin", demarcheId: ActeDeces, channel: RequestChannel.Kiosk, submittedAt: now.AddDays(-1));
        var d = await desk.Submit("Jean-Pierre Lefebvre");
        await desk.Request(d.Reference).Assign("op-d", DemarcheDesk.Agent(Dupont), Dupont, Dupont);
        var e = await desk.Submit("Lucie Lefèvre-Bonnet", demarcheId: ActeDeces);

        Task Lists(QueueFilter filter, params RequestView[] expected) => ListsAt(now, filter, expected);
        async Task ListsAt(DateTimeOffset at, QueueFilter filter, params RequestView[] expected)
        {
            var page = await desk.Queue.Query(filter, at);
            Assert.Equal(expected.Select(r => r.Reference), page.Lines.Select(l => l.Reference));
            Assert.Equal(expected.Length, page.Total);
        }
        var all = DemarcheDesk.All();

        await Lists(all, e, d, c, b, a);
        Assert.Equal([new AgentChoice(DemarcheDesk.Agent(Dupont), Dupont), new AgentChoice(DemarcheDesk.Agent(Martin), Martin)],
            (await desk.Queue.Query(all with { Search = "personne" }, now)).Agents);
        await Lists(all with { DemarcheId = ActeDeces }, e, c);
        await Lists(all with { StateId = "deposee" }, e, d, c);
        await Lists(all with { Assigned = "" }, e, c, b);
        await Lists(all with { Assigned = DemarcheDesk.Agent(Martin) }, a);
        await Lists(all with { InProgressOnly = true }, e, d, c, a);
        await Lists(all with { InProgressOnly = true, DemarcheId = DemarcheDesk.ActeNaissance }, d, a);
        await Lists(all with { From = ServiceDay.Of(now.AddDays(-2)), To = ServiceDay.Of(now.AddDays(-2)) }, b);
        await Lists(all with { From = ServiceDay.Of(now.AddDays(-1)) }, e, d, c);
        await Lists(all with { To = ServiceDay.Of(now.AddDays(-2)) }, b, a);
        await Lists(all with { Search = "lefevre" }, e, a);
        await Lists(all with { Search = " LEFÈVRE " }, e, a);
        await Lists(all with { Search = "jean pierre" }, d);
        await Lists(all with { Search = "3" }, c);
        await Lists(all with { Search = "000003" }, c);
        await Lists(all with { Search = c.Reference.ToLowerInvariant() }, c);
        await Lists(all with { Search = $"DEM-{desk.Commune}-{now.Year}-000009" });
        await Lists(all with { Search = "personne" });

        // Overdue: past the deadline of its state (5 days «Déposée», 10 days «En cours d'instruction»), and not decided.
        await Lists(all with { OverdueOnly = true });
        await ListsAt(now.AddDays(6), all with { OverdueOnly = true }, e, d, c);
        await ListsAt(now.AddDays(11), all with { OverdueOnly = true }, e, d, c, a);

        var second = await desk.Queue.Query(all with { Skip = 2, Take = 2 }, now);
        Assert.Equal([c.Reference, b.Reference], second.Lines.Select(l => l.Reference));
        Assert.Equal(5, second.Total);
        Assert.Equal([a.Reference], (await desk.Queue.Query(all with { Skip = 4, Take = 2 }, now)).Lines.Select(l => l.Reference));
        var beyond = await desk.Queue.Query(all with { Skip = 10 }, now);
        Assert.Equal((0, 5), (beyond.Lines.Count, beyond.Total));
        Assert.Equal([e.Reference], (await desk.Queue.Query(all with { Take = 0 }, now)).Lines.Select(l => l.Reference));
    }

    [Fact]
    public async Task Statistics_give_each_demarche_its_counts_channels_and_processing_times()
    {
        var desk = new DemarcheDesk(fixture);
        var now = desk.Now;
        var decided = new List<RequestView>();
        foreach (var days in new[] { 10, 1.5, 7, 2, 4 })
        {
            var request = await desk.Submit($"Citoyen {days}", submittedAt: now.AddDays(-days),
                channel: days == 7 ? RequestChannel.Counter : RequestChannel.Online, accountId: days == 7 ? "" : null, agentName: days == 7 ? Dupont : "");
            decided.Add(days == 2
                ? await desk.Move(request, "refuser", Actor.Agent, Dupont, "Acte introuvable.")
                : await desk.Move(request, "accepter", Actor.Agent, Dupont));
        }
        var waiting = await desk.Submit("Citoyen en attente", channel: RequestChannel.Kiosk);
        await desk.Submit("Citoyen ancien", demarcheId: ActeDeces, submittedAt: now.AddDays(-800));
        await desk.Submit("Citoyen récent", demarcheId: ActeDeces);

        var figures = await desk.Queue.Figures(null, null);

        var lastMonth = new DateOnly(ServiceDay.Of(now).Year, ServiceDay.Of(now).Month, 1);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => lastMonth.AddMonths(i - 23)), figures.Months);
        Assert.Equal([ActeDeces, DemarcheDesk.ActeNaissance], figures.Demarches.Select(f => f.DemarcheId));
        var deces = figures.Demarches[0];
        Assert.Equal(("Demande d'acte de décès", 2, 2, 0, 0.0, 0.0), (deces.Title, deces.Received, deces.InProgress, deces.Decided, deces.MedianDays, deces.P90Days));
        // The request of 800 days ago is counted, but its month is before the chart's two years.
        Assert.Equal([.. Enumerable.Repeat(0, 23), 1], deces.ReceivedPerMonth);

        var naissance = figures.Demarches[1];
        var durations = decided.Select(r => (r.DecidedAt!.Value - r.Submission.SubmittedAt).TotalDays).Order().ToList();
        Assert.Equal([1.5, 2, 4, 7, 10], durations);
        Assert.Equal((6, 1, 5, durations[2], durations[4]), (naissance.Received, naissance.InProgress, naissance.Decided, naissance.MedianDays, naissance.P90Days));
        Assert.Equal((4, 1, 1), (naissance.Online, naissance.Kiosk, naissance.Counter));
        var perMonth = decided.Select(r => r.Submission.SubmittedAt).Append(waiting.Submission.SubmittedAt)
            .GroupBy(at => new DateOnly(ServiceDay.Of(at).Year, ServiceDay.Of(at).Month, 1)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(figures.Months.Select(m => perMonth.GetValueOrDefault(m)), naissance.ReceivedPerMonth);
        Assert.Equal(6, naissance.ReceivedPerMonth.Sum());

        // Filed from four days ago: 1.5, 2 and 4 days decided, and the one waiting.
        var lately = await desk.Queue.Figures(ServiceDay.Of(now.AddDays(-4)), null);
        var lateNaissance = Assert.Single(lately.Demarches, f => f.DemarcheId == DemarcheDesk.ActeNaissance);
        Assert.Equal((4, 1, 3, 2.0, 4.0), (lateNaissance.Received, lateNaissance.InProgress, lateNaissance.Decided, lateNaissance.MedianDays, lateNaissance.P90Days));
        Assert.Equal(1, Assert.Single(lately.Demarches, f => f.DemarcheId == ActeDeces).Received);
        Assert.Equal(ServiceDay.Of(now.AddDays(-4)).Month == ServiceDay.Of(now).Month ? 1 : 2, lately.Months.Count);

        var none = await desk.Queue.Figures(ServiceDay.Of(now).AddDays(1), null);
        Assert.Equal((0, 0), (none.Months.Count, none.Demarches.Count));
    }

    [Fact]
    public async Task The_queue_read_back_from_its_shards_after_a_deactivation_answers_the_same()
    {
        var desk = new DemarcheDesk(fixture);
        var first = await desk.Submit("Claire Martin");
        await desk.Move(first, "instruire", Actor.Agent, Dupont);
        await desk.Submit("Paul Durand", demarcheId: ActeDeces);
        // A request numbered in a second shard (numbers 250 to 499).
        var year = ServiceDay.Of(desk.Now).Year;
        for (var i = 0; i < 257; i++) await desk.Queue.Allocate($"lot-{i}", year);
        var far = await desk.Submit("Lucie Bonnet", submissionKey: "loin");
        Assert.Equal(260, int.Parse(far.Reference[^6..], System.Globalization.CultureInfo.InvariantCulture));
        var all = DemarcheDesk.All();
        var before = await desk.Queue.Query(all, desk.Now);
        var figuresBefore = await desk.Queue.Figures(null, null);

        await fixture.Cluster.DeactivateAsync(desk.Queue.GetGrainId());

        var after = await desk.Queue.Query(all, desk.Now);
        Assert.Equal(3, after.Total);
        Assert.Equal(before.Lines, after.Lines);
        var figuresAfter = await desk.Queue.Figures(null, null);
        Assert.Equal(figuresBefore.Demarches.Select(f => (f.DemarcheId, f.Received, f.InProgress)), figuresAfter.Demarches.Select(f => (f.DemarcheId, f.Received, f.InProgress)));
        Assert.Equal($"DEM-{desk.Commune}-{year}-000261", await desk.Queue.Allocate("suivante", year));
        Assert.Equal(far.Reference, await desk.Queue.Allocate("loin", year));
    }

    [Fact]
    public async Task A_submission_sent_again_keeps_its_reference_among_the_latest_thousand()
    {
        var desk = new DemarcheDesk(fixture);
        var year = ServiceDay.Of(desk.Now).Year;
        for (var i = 0; i <= RequestQueueGrain.RetryKeys; i++) await desk.Queue.Allocate($"envoi-{i}", year);

        Assert.Equal($"DEM-{desk.Commune}-{year}-001001", await desk.Queue.Allocate($"envoi-{RequestQueueGrain.RetryKeys}", year));
        // The oldest is forgotten, so that the numbering's state stays small: a retry never comes a thousand submissions later.
        Assert.Equal($"DEM-{desk.Commune}-{year}-001002", await desk.Queue.Allocate("envoi-0", year));
    }

    [Fact]
    public async Task A_late_update_older_than_the_line_held_changes_nothing()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Move(await desk.Submit("Claire Martin"), "instruire", Actor.Agent, Dupont);
        var held = Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines);

        await desk.Queue.Track(held with { StateId = "deposee", StateLabel = "Déposée", Revision = 1 });
        await fixture.Cluster.DeactivateAsync(desk.Queue.GetGrainId());

        Assert.Equal((2, "en-instruction"), (request.Revision, held.StateId));
        Assert.Equal(held, Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines));
    }
}
