using System.Globalization;
using System.Net;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.AgentFamilies;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.AgentRules;

/// <summary>
/// The rules page of Argenteuil, over HTTP against the real cloud: the form sent back with a new
/// cut-off (and an amount typed the French way) makes version n+1, shown in force and in the
/// history; an unreadable cut-off or amount is listed, the form keeps what was typed, and no version
/// is made. The test that saves puts Argenteuil's rules back as they were before it ends, so that
/// the reservation tests, which read them, never see its change.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentRulesPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string RulesPage = $"/Admin/Regles?commune={ArgenteuilAgent.Commune}";

    [Fact]
    public Task Saving_a_new_cut_off_makes_version_n_plus_1_in_force_and_in_the_history() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var grpcAgent = await cloud.SignInAsync(ArgenteuilAgent.Email, Demo.AgentPassword);
        var request = new GetRulesRequest { CommuneInseeCode = ArgenteuilAgent.Commune };
        var inForce = await canteen.Rules.GetRulesAsync(request, grpcAgent, CloudApi.Deadline);
        var page = await agent.GetAsync(RulesPage);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var before = VersionOf(page.Html);
        Assert.Equal(inForce.Version, before);
        var original = FormFields.OfFormHolding(page.Html, "reservation");
        var cutOff = original["reservation"] == "le jeudi à 09:00 pour la semaine suivante" ? "la veille à 18:00" : "le jeudi à 09:00 pour la semaine suivante";
        var (threshold, thresholdCents) = original["seuil"] == "12,50" ? ("13,5", 1350L) : ("12,5", 1250L);
        var restored = false;
        try
        {
            var changed = new Dictionary<string, string>(original) { ["reservation"] = cutOff, ["seuil"] = threshold };
            var saved = await agent.SubmitFormHoldingAsync(RulesPage, "reservation", changed);

            Assert.Equal(HttpStatusCode.OK, saved.Status);
            Assert.Equal(before + 1, VersionOf(saved.Html));
            Assert.Contains($"Les règles sont enregistrées : la version {before + 1} est en vigueur.", saved.Text);
            var shown = FormFields.OfFormHolding(saved.Html, "reservation");
            Assert.Equal(cutOff, shown["reservation"]);
            Assert.Equal(EuroField(thresholdCents), shown["seuil"]);
            // Everything else comes back as it was sent.
            Assert.Equal(original.Where(f => f.Key is not ("reservation" or "seuil")).OrderBy(f => f.Key),
                shown.Where(f => f.Key is not ("reservation" or "seuil")).OrderBy(f => f.Key));
            var latest = HistoryOf(saved.Html)[0];
            Assert.Equal(before + 1, latest.Version);
            Assert.Contains("(en vigueur)", latest.Text);
            Assert.Contains("Agent d'Argenteuil", latest.Text);

            var reread = await agent.GetAsync(RulesPage);
            Assert.Equal(before + 1, VersionOf(reread.Html));
            Assert.Equal(cutOff, FormFields.OfFormHolding(reread.Html, "reservation")["reservation"]);
            // The form changed what the agent changed, nothing else: not a day, not a school, not a price.
            var expected = Unsigned(inForce);
            expected.ReservationCutOff = cutOff;
            expected.LowBalanceThresholdCents = thresholdCents;
            Assert.Equal(expected, Unsigned(await canteen.Rules.GetRulesAsync(request, grpcAgent, CloudApi.Deadline)));

            var back = await agent.SubmitFormHoldingAsync(RulesPage, "reservation", original);
            restored = true;
            Assert.Equal(before + 2, VersionOf(back.Html));
            Assert.Equal(original.OrderBy(f => f.Key), FormFields.OfFormHolding(back.Html, "reservation").OrderBy(f => f.Key));
            Assert.Equal(Unsigned(inForce), Unsigned(await canteen.Rules.GetRulesAsync(request, grpcAgent, CloudApi.Deadline)));
        }
        finally
        {
            if (!restored) await agent.SubmitFormHoldingAsync(RulesPage, "reservation", original);
        }
    });

    [Fact]
    public Task An_unreadable_cut_off_or_amount_is_listed_the_form_keeps_it_and_no_version_is_made() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var page = await agent.GetAsync(RulesPage);
        var before = VersionOf(page.Html);
        var historyBefore = HistoryOf(page.Html).Count;
        var fields = FormFields.OfFormHolding(page.Html, "reservation");

        var refused = await agent.SubmitFormHoldingAsync(RulesPage, "reservation",
            new Dictionary<string, string>(fields) { ["reservation"] = "tous les jours", ["annulation"] = "jamais" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([$"Délai de réservation : {CutOffProblem("tous les jours")}", $"Délai d'annulation : {CutOffProblem("jamais")}"], SummaryOf(refused.Html));
        var kept = FormFields.OfFormHolding(refused.Html, "reservation");
        Assert.Equal(("tous les jours", "jamais"), (kept["reservation"], kept["annulation"]));
        Assert.Equal(before, VersionOf(refused.Html));
        Assert.Equal(historyBefore, HistoryOf(refused.Html).Count);

        // Read by the page before anything goes to the cloud: said next to the field, in the summary too.
        var amount = await agent.SubmitFormHoldingAsync(RulesPage, "reservation",
            new Dictionary<string, string>(fields) { ["cantine-majoration"] = "3,5x", ["vacances"] = "Toussaint;2026-10-17" });
        var problems = SummaryOf(amount.Html);
        Assert.Equal([
            "Cantine : « 3,5x » n'est pas un montant pour la majoration sans réservation : écrivez-le en euros, par exemple 3,50.",
            "Vacances, ligne 1 : « Toussaint;2026-10-17 » doit s'écrire Nom;AAAA-MM-JJ;AAAA-MM-JJ (le dernier jour de classe, puis le jour de la reprise), par exemple « Vacances de la Toussaint;2026-10-17;2026-11-02 ».",
        ], problems.Order(StringComparer.Ordinal));
        Assert.Contains(Markup.Tags(amount.Html, "a"), a => a["href"] == "#cantine-majoration");
        Assert.Equal("3,5x", FormFields.OfFormHolding(amount.Html, "reservation")["cantine-majoration"]);
        Assert.Equal(before, VersionOf((await agent.GetAsync(RulesPage)).Html));
    });

    private async Task<WebSession> SignedInAsync()
    {
        var agent = new WebSession(await platform.PortalAsync());
        Assert.Equal(HttpStatusCode.OK, (await agent.SignInAsync(ArgenteuilAgent.Email, Demo.AgentPassword)).Status);
        return agent;
    }

    /// <summary>
    /// The rules without what says which version they are and who saved them, weekdays in one order
    /// (they are sets: the cloud stores them in week order whatever order they came in).
    /// </summary>
    private static CommuneRules Unsigned(CommuneRules rules)
    {
        var copy = rules.Clone();
        copy.Version = 0;
        copy.SavedAt = null;
        copy.SavedBy = "";
        foreach (var service in copy.Services)
        {
            var days = service.Days.Order().ToList();
            service.Days.Clear();
            service.Days.AddRange(days);
        }
        var classDays = copy.SchoolYear.ClassDays.Order().ToList();
        copy.SchoolYear.ClassDays.Clear();
        copy.SchoolYear.ClassDays.AddRange(classDays);
        return copy;
    }

    private static string EuroField(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string CutOffProblem(string text) => Assert.Throws<InvalidRulesException>(() => CutOffRule.Parse(text)).Problems.Single();

    private static int VersionOf(string html) =>
        int.Parse(Markup.Tags(html, "p").Single(p => p["id"] == "version-en-vigueur")["data-rules-version"]!, CultureInfo.InvariantCulture);

    private static IReadOnlyList<(int Version, string Text)> HistoryOf(string html) =>
        [.. Markup.Tags(html, "tr").Where(tr => tr["data-version"] is not null)
            .Select(tr => (int.Parse(tr["data-version"]!, CultureInfo.InvariantCulture), Markup.Text(html[tr.End..Markup.EndOf(html, tr)])))];

    /// <summary>The lines of the error summary at the top of the page.</summary>
    private static IReadOnlyList<string> SummaryOf(string html)
    {
        var summary = Markup.Tags(html, "div").SingleOrDefault(d => d.HasClass("error-summary"))
            ?? throw new Xunit.Sdk.XunitException("The page has no error summary.");
        var end = html.IndexOf("</ul>", summary.End, StringComparison.Ordinal);
        return [.. Markup.Tags(html, "li", summary.End, end).Select(li => Markup.Text(html[li.End..Markup.EndOf(html, li)]))];
    }
}
