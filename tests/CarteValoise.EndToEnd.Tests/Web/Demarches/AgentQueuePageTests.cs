using System.Net;
using System.Text;
using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// The agents' démarches queue over plain HTTP, against the real cloud, on a démarche of each test's
/// own in Argenteuil: requests filed are listed, the filters and the search find them by reference
/// and by name with exact counts, the CSV has the lines shown; a counter request entered through the
/// page is listed with its channel; the figures count them; and an agent of another commune gets
/// neither the queue, nor a request, nor the export, nor the figures, through the pages or the cloud.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentQueuePageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_queue_lists_the_requests_and_its_filters_and_search_find_them_exactly() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var first = await demarche.FileAsync(demarche.Named("Durand"));
        var second = await demarche.FileAsync(demarche.Named("Durand"));
        var third = await demarche.FileAsync(demarche.Named("Leroy"));
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var mine = await agent.GetAsync($"/Admin/Demarches/Demande/{second.Line.Reference}");
        await agent.SubmitAsync(mine, "attribution", "moi");
        await demarche.MoveAsync(third.Line.Reference, "accepter");
        var queue = $"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}";

        var all = await agent.GetAsync(queue);

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(3, AgentPages.Total(all));
        Assert.Equal([first.Line.Reference, second.Line.Reference, third.Line.Reference], AgentPages.References(all).Order(StringComparer.Ordinal));
        Assert.Contains("3 demandes correspondent à ces filtres.", all.Text);
        var line = Assert.Single(AgentPages.Lines(all), l => l.Reference == first.Line.Reference);
        Assert.Equal(("deposee", "guichet", false), (line.State, line.Channel, line.Overdue));
        Assert.Contains($"{first.Line.Reference} {demarche.Title} {demarche.Named("Durand")}", line.Text);
        Assert.Contains("Déposée", line.Text);
        Assert.EndsWith("Guichet —", line.Text);
        Assert.EndsWith($"Guichet {AgentDemarche.AgentName}", Assert.Single(AgentPages.Lines(all), l => l.Reference == second.Line.Reference).Text);

        async Task<IReadOnlyList<string>> Found(string query)
        {
            var page = await agent.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}&{query}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var references = AgentPages.References(page);
            Assert.Equal(references.Count, AgentPages.Total(page));
            return [.. references.Order(StringComparer.Ordinal)];
        }
        string Search(string text) => $"recherche={Uri.EscapeDataString(text)}";

        Assert.Equal([first.Line.Reference, second.Line.Reference], await Found(Search(demarche.Named("Durand"))));
        Assert.Equal([first.Line.Reference, second.Line.Reference], await Found(Search($"durand {demarche.Tag.ToUpperInvariant()}")));
        Assert.Equal([third.Line.Reference], await Found(Search(demarche.Named("Leroy"))));
        Assert.Equal([first.Line.Reference], await Found(Search(first.Line.Reference)));
        Assert.Equal([first.Line.Reference], await Found($"demarche={demarche.Id}&" + Search(first.Line.Reference.Split('-')[^1].TrimStart('0'))));
        Assert.Equal([third.Line.Reference], await Found($"demarche={demarche.Id}&etat=acceptee"));
        Assert.Equal([first.Line.Reference, second.Line.Reference], await Found($"demarche={demarche.Id}&encours=oui"));
        Assert.Equal([second.Line.Reference], await Found($"demarche={demarche.Id}&attribuee=moi"));
        Assert.Equal([first.Line.Reference, third.Line.Reference], await Found($"demarche={demarche.Id}&attribuee=personne"));
        Assert.Empty(await Found($"demarche={demarche.Id}&retard=oui"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first.Line.SubmittedAt.ToDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        Assert.Equal(3, (await Found($"demarche={demarche.Id}&du={today:yyyy-MM-dd}&au={today:yyyy-MM-dd}")).Count);
        Assert.Empty(await Found($"demarche={demarche.Id}&du={today.AddDays(1):yyyy-MM-dd}"));

        var csv = await agent.DownloadAsync($"/Admin/Demarches?handler=Export&commune={AgentDemarche.Commune}&{Search(demarche.Named("Durand"))}");
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.StartsWith($"demandes-{AgentDemarche.Commune}-", csv.FileName);
        var rows = Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("référence;démarche;état;déposée le;échéance;en retard;canal;demandeur;agent", rows[0]);
        Assert.Equal([first.Line.Reference, second.Line.Reference], rows[1..].Select(r => r.Split(';')[0]).Order(StringComparer.Ordinal));
        Assert.All(rows[1..], r => Assert.Contains($";guichet;{demarche.Named("Durand")};", r));
        // The page offers the same export, with the filters shown.
        Assert.Contains(Markup.Tags(all.Html, "a"), a => a["href"] == $"/Admin/Demarches?handler=Export&commune={AgentDemarche.Commune}&demarche={demarche.Id}");
    });

    [Fact]
    public Task The_queue_shows_fifty_requests_a_page() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var filed = new List<string>();
        for (var i = 0; i < 51; i++) filed.Add((await demarche.FileAsync(demarche.Named("Laurent"))).Line.Reference);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var queue = $"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}";

        var first = await agent.GetAsync(queue);

        Assert.Equal(51, AgentPages.Total(first));
        Assert.Equal(50, AgentPages.Lines(first).Count);
        Assert.Contains("51 demandes correspondent à ces filtres. Page 1 sur 2.", first.Text);
        var next = Assert.Single(Markup.Tags(first.Html, "a"), a => a["rel"] == "next")["href"]!;
        Assert.Equal($"{queue}&page=2", next);
        var second = await agent.GetAsync(next);
        Assert.Contains("Page 2 sur 2.", second.Text);
        Assert.Single(AgentPages.Lines(second));
        Assert.Equal(filed.Order(StringComparer.Ordinal), AgentPages.References(first).Concat(AgentPages.References(second)).Order(StringComparer.Ordinal));
        Assert.Equal($"{queue}", Assert.Single(Markup.Tags(second.Html, "a"), a => a["rel"] == "prev")["href"]);
    });

    [Fact]
    public Task A_bad_filing_date_is_said_next_to_its_field_and_lists_nothing() => platform.RunAsync(output, async () =>
    {
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var page = await agent.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}&du=31/02/2026");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        const string Problem = "« Déposée du » doit être une date, par exemple 04/12/2026 (ici « 31/02/2026 »).";
        Assert.Equal([Problem], Household.DossierPages.ErrorSummary(page));
        Assert.Equal(Problem, Household.DossierPages.FieldError(page, "du"));
        Assert.Empty(AgentPages.Lines(page));
    });

    [Fact]
    public Task A_request_entered_at_the_counter_page_is_listed_with_its_channel_and_counted() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var counter = $"/Admin/Demarches/Guichet?commune={AgentDemarche.Commune}&demarche={demarche.Id}";
        var form = await agent.GetAsync(counter);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Pièce vue au guichet (Justificatif de domicile)", form.Text);

        // Nothing answered: every problem next to its field, nothing filed.
        var empty = await agent.SubmitAsync(form, "demandeur-nom", null, new Dictionary<string, string> { ["demandeur-nom"] = "", ["demandeur-courriel"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("Indiquez le nom et le prénom du demandeur.", Household.DossierPages.FieldError(empty, "demandeur-nom"));
        Assert.NotNull(Markup.Tags(empty.Html, "p").SingleOrDefault(p => p["id"] == "objet-erreur"));
        Assert.NotNull(Markup.Tags(empty.Html, "p").SingleOrDefault(p => p["id"] == "justificatif-erreur"));
        Assert.Equal(0, (await demarche.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = AgentDemarche.Commune, DemarcheId = demarche.Id }, demarche.Agent, CloudApi.Deadline)).Total);

        var filed = await agent.SubmitAsync(empty, "demandeur-nom", null, new Dictionary<string, string>
        {
            ["demandeur-nom"] = demarche.Named("Moreau"),
            ["demandeur-courriel"] = "",
            ["reponses[objet]"] = "Réservation de la salle Jean-Vilar",
            ["reponses[justificatif]"] = "vu-au-guichet",
        });

        Assert.Equal(HttpStatusCode.OK, filed.Status);
        var reference = AgentPages.Request(filed).Reference;
        Assert.Matches(@"^DEM-95018-\d{4}-\d{6}$", reference);
        Assert.Equal($"/Admin/Demarches/Demande/{reference}", filed.Address.AbsolutePath);
        Assert.Contains($"Demande {reference} enregistrée au guichet.", filed.Text);
        Assert.Equal("guichet", AgentPages.Request(filed).Channel);
        Assert.Contains($"Canal Guichet, saisie par {AgentDemarche.AgentName}", filed.Text);
        Assert.Contains("Objet de la demande Réservation de la salle Jean-Vilar", filed.Text);

        // The same form sent again (a double click) files nothing more: the cloud knows its operation id.
        var twice = await agent.SubmitAsync(empty, "demandeur-nom", null, new Dictionary<string, string>
        {
            ["demandeur-nom"] = demarche.Named("Moreau"),
            ["demandeur-courriel"] = "",
            ["reponses[objet]"] = "Réservation de la salle Jean-Vilar",
            ["reponses[justificatif]"] = "vu-au-guichet",
        });
        Assert.Equal($"/Admin/Demarches/Demande/{reference}", twice.Address.AbsolutePath);

        var queue = await agent.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}");
        var line = Assert.Single(AgentPages.Lines(queue));
        Assert.Equal((reference, "guichet"), (line.Reference, line.Channel));
        Assert.Contains($"{demarche.Named("Moreau")}", line.Text);
        Assert.Contains("Guichet", line.Text);

        var figures = AgentPages.Figures(await agent.GetAsync($"/Admin/Demarches/Statistiques?commune={AgentDemarche.Commune}"), demarche.Id);
        Assert.Equal((1, 1, 0, 0, 0, 1), (figures.Received, figures.InProgress, figures.Decided, figures.Online, figures.Kiosk, figures.Counter));
        Assert.Equal($"{demarche.Title} 1 1 0 — — 0 % 0 % 100 %", figures.Text);
    });

    [Fact]
    public Task The_statistics_count_received_in_progress_and_decided_requests_by_channel() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var accepted = await demarche.FileAsync(demarche.Named("Petit"));
        await demarche.FileAsync(demarche.Named("Simon"));
        var refused = await demarche.FileAsync(demarche.Named("Laurent"));
        await demarche.MoveAsync(accepted.Line.Reference, "accepter");
        await demarche.MoveAsync(refused.Line.Reference, "refuser", "Le justificatif date de plus de trois mois.");
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var page = await agent.GetAsync($"/Admin/Demarches/Statistiques?commune={AgentDemarche.Commune}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var figures = AgentPages.Figures(page, demarche.Id);
        Assert.Equal((3, 1, 2, 0, 0, 3), (figures.Received, figures.InProgress, figures.Decided, figures.Online, figures.Kiosk, figures.Counter));
        // Decided within the test: both in less than a tenth of a day.
        Assert.Equal($"{demarche.Title} 3 1 2 0,0 j 0,0 j 0 % 0 % 100 %", figures.Text);
        // The month's bar counts them with the commune's other requests of the month.
        var month = TimeZoneInfo.ConvertTime(accepted.Line.SubmittedAt.ToDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var bar = Markup.Tags(page.Html, "rect").Single(r => r["data-month"] == month);
        Assert.True(int.Parse(bar["data-value"]!, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.DoesNotContain("style=", page.Html, StringComparison.Ordinal);

        var later = await agent.GetAsync($"/Admin/Demarches/Statistiques?commune={AgentDemarche.Commune}&du=2099-01-01");
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.DoesNotContain(Markup.Tags(later.Html, "tr"), tr => tr["data-demarche-id"] == demarche.Id);
        Assert.Contains("Demandes de la commune d'Argenteuil, déposées depuis le jeudi 1er janvier 2099 Aucune demande déposée sur cette période.", later.Text);
    });

    [Fact]
    public Task An_agent_of_another_commune_gets_neither_the_queue_a_request_the_export_nor_the_figures() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var filed = await demarche.FileAsync(demarche.Named("Bernard"));
        var reference = filed.Line.Reference;
        using var pontoise = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.PontoiseAgent);

        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}")).Status);
        var detail = await pontoise.GetAsync($"/Admin/Demarches/Demande/{reference}");
        Assert.Equal(HttpStatusCode.Forbidden, detail.Status);
        Assert.Contains("Accès refusé à cette demande.", detail.Text);
        Assert.DoesNotContain(demarche.Named("Bernard"), detail.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.DownloadAsync($"/Admin/Demarches?handler=Export&commune={AgentDemarche.Commune}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.GetAsync($"/Admin/Demarches/Statistiques?commune={AgentDemarche.Commune}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.DownloadAsync($"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier=accuse-reception")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.GetAsync($"/Admin/Demarches/Catalogue?commune={AgentDemarche.Commune}")).Status);
        // A move posted from a forged form does nothing either.
        var own = await pontoise.GetAsync("/Admin/Demarches/Guichet");
        var token = Markup.Tags(own.Html, "input").First(i => i["name"] == "__RequestVerificationToken")["value"]!;
        var forged = await pontoise.SubmitAsync(own with { Html = $"<form method=\"post\" action=\"/Admin/Demarches/Demande/{reference}?handler=Move\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{token}\"><input type=\"hidden\" name=\"mouvement\" value=\"accepter\"></form>" },
            "mouvement", "accepter");
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        // Its own queue, searched for the reference, finds nothing.
        var ownQueue = await pontoise.GetAsync($"/Admin/Demarches?recherche={reference}");
        Assert.Equal(HttpStatusCode.OK, ownQueue.Status);
        Assert.Equal(0, AgentPages.Total(ownQueue));

        using var cloud = new CloudApi(await platform.CloudAsync());
        var other = await cloud.SignInAsync(AgentDemarche.PontoiseAgent, Demo.AgentPassword);
        var commune = new ListRequestsRequest { CommuneInseeCode = AgentDemarche.Commune };
        await AssertDeniedAsync(() => demarche.Desk.ListRequestsAsync(commune, other, CloudApi.Deadline).ResponseAsync);
        await AssertDeniedAsync(() => demarche.Desk.ExportRequestsAsync(commune, other, CloudApi.Deadline).ResponseAsync);
        await AssertDeniedAsync(() => demarche.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, other, CloudApi.Deadline).ResponseAsync);
        await AssertDeniedAsync(() => demarche.Desk.GetStatisticsAsync(new GetStatisticsRequest { CommuneInseeCode = AgentDemarche.Commune }, other, CloudApi.Deadline).ResponseAsync);
        await AssertDeniedAsync(() => demarche.Citizen.DownloadRequestFileAsync(new DownloadRequestFileRequest { Reference = reference, FileId = "accuse-reception" }, other, CloudApi.Deadline).ResponseAsync);
        Assert.Equal("deposee", (await demarche.RequestAsync(reference)).Line.StateId);
    });

    private static async Task AssertDeniedAsync(Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }
}
