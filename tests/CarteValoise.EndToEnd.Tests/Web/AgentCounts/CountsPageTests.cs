using System.Globalization;
using System.Net;
using System.Text;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;

namespace CarteValoise.EndToEnd.Tests.Web.AgentCounts;

/// <summary>
/// The agents' counts page of the portal, over HTTP, at Pontoise's second school, which no other test
/// taps: families 7 to 12 with two children each, all reserved every canteen day by the demo except
/// the second child of family 10, who goes home for lunch; the first child of family 10 has an
/// allergy plan. A box newly added taps a reserved child and the one who goes home. The day is the
/// last canteen day up to today, found with the Domain's calendar from the rules the cloud answers.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CountsPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";
    private const string School = "95500-E2";
    private const string SchoolName = "École élémentaire des Cordeliers";
    /// <summary>Yanis Leroy, CP, reserved: taps.</summary>
    private const string ReservedAndTapping = "95500-C0091";
    /// <summary>Nour Moreau, CE2, goes home for lunch: taps all the same.</summary>
    private const string HomeForLunchButTapping = "95500-C0102";
    /// <summary>Sacha Moreau, CE1, reserved, with an allergy plan: never taps.</summary>
    private const string WithAllergyPlanAndAbsent = "95500-C0101";
    /// <summary>"04" + INSEE + school 2 + family + child + "00".</summary>
    private static readonly string[] Tapping = ["04955002009100", "04955002010200"];
    /// <summary>Six families of two, less the child who goes home for lunch.</summary>
    private const int DemoForecast = 11;

    [Fact]
    public Task After_a_box_taps_the_page_shows_forecast_and_actual_the_absent_the_unreserved_and_the_allergy_plans() => platform.RunAsync(output, async () =>
    {
        var day = await LastCanteenDayAsync();
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var path = $"/Admin/Effectifs?ecole={School}&date={Wire(day)}";
        var before = CountsPage.Parse((await agent.GetAsync(path)).Html);
        Assert.Equal(DemoForecast, before.Forecast);
        Assert.Contains(ReservedAndTapping, before.Absent.Select(c => c.ChildId));
        Assert.DoesNotContain(HomeForLunchButTapping, before.Unreserved.Select(c => c.ChildId));

        await TapAsync(day, Tapping);
        var page = await agent.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var after = CountsPage.Parse(page.Html);
        Assert.Equal((School, Wire(day), false), (after.SchoolId, after.Date, after.Closed));
        Assert.Equal((DemoForecast, before.Actual + 2), (after.Forecast, after.Actual));
        Assert.Contains($"{SchoolName} — {FrenchWords.Day(day)}", page.Text);
        Assert.Contains($"Prévus {DemoForecast} repas réservés", page.Text);
        Assert.Contains($"Présents {after.Actual} repas servis (passages de carte)", page.Text);
        var unreserved = Assert.Single(after.Unreserved);
        Assert.Equal((HomeForLunchButTapping, "Moreau Nour CE2"), (unreserved.ChildId, unreserved.Text));
        Assert.Contains("Présents sans réservation (1)", page.Text);
        var absent = after.Absent.Select(c => c.ChildId).ToList();
        Assert.Contains(WithAllergyPlanAndAbsent, absent);
        Assert.DoesNotContain(ReservedAndTapping, absent);
        Assert.Equal(DemoForecast - 1, absent.Count);
        Assert.Contains($"Attendus mais absents ({DemoForecast - 1})", page.Text);
        var allergy = Assert.Single(after.Allergies);
        Assert.Equal((WithAllergyPlanAndAbsent, "Moreau Sacha CE1 oui non"), (allergy.ChildId, allergy.Text));
        Assert.Contains("Allergies (PAI) (1)", page.Text);
    });

    [Fact]
    public Task The_kitchen_CSV_opens_in_French_Excel_and_the_printable_page_lists_the_same_children() => platform.RunAsync(output, async () =>
    {
        var day = await LastCanteenDayAsync();
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var page = await agent.GetAsync($"/Admin/Effectifs?ecole={School}&date={Wire(day)}");
        var csvLink = Markup.Tags(page.Html, "a").Single(a => Links.Are(a["href"], "/Admin/Effectifs", ("handler", "Csv"), ("ecole", School), ("date", Wire(day))));
        Assert.Equal("Exporter pour la cuisine (CSV)", Markup.Text(page.Html[csvLink.End..Markup.EndOf(page.Html, csvLink)]));
        Assert.Equal($"cuisine-{School}-{Wire(day)}.csv", csvLink["download"]);
        var printLink = Markup.Tags(page.Html, "a").Single(a => Links.Are(a["href"], "/Admin/Effectifs/Impression", ("ecole", School), ("date", Wire(day))));
        Assert.Equal("Version imprimable", Markup.Text(page.Html[printLink.End..Markup.EndOf(page.Html, printLink)]));
        using var files = new Downloads(await platform.PortalAsync());
        await files.SignInAsync(PontoiseAgent, Demo.AgentPassword);

        var csv = await files.GetAsync(csvLink["href"]!);

        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv; charset=utf-8", csv.ContentType);
        Assert.Contains($"filename=cuisine-{School}-{Wire(day)}.csv", csv.Disposition);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        var lines = Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n");
        Assert.Equal("École;Date;Classe;Nom;Prénom;Réservé;Présent;Allergie (PAI)", lines[0]);
        Assert.Contains($"{SchoolName};{day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)};CE1;Moreau;Sacha;oui;non;oui", lines);
        Assert.Equal("", lines[^1]);
        var report = await ReportAsync(day);
        Assert.Equal(report.Children.Count, lines.Length - 2);

        var print = await agent.GetAsync(printLink["href"]!);
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Contains("Liste pour la cuisine", print.Text);
        Assert.Contains($"{SchoolName} (Pontoise) — {FrenchWords.Day(day)}", print.Text);
        Assert.Contains("Allergies (PAI) : 1", print.Text);
        Assert.Equal(report.Children.Select(c => c.ChildId).Prepend(WithAllergyPlanAndAbsent),
            Markup.Tags(print.Html, "li").Concat(Markup.Tags(print.Html, "tr")).OrderBy(t => t.Start).Select(t => t["data-child-id"]).OfType<string>());
    });

    [Fact]
    public Task A_school_of_another_commune_is_refused_and_a_day_that_is_not_one_is_said_in_French() => platform.RunAsync(output, async () =>
    {
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(PontoiseAgent, Demo.AgentPassword);

        var cergy = await agent.GetAsync($"/Admin/Effectifs?ecole={Demo.CergySchool}");
        var cergyPrint = await agent.GetAsync($"/Admin/Effectifs/Impression?ecole={Demo.CergySchool}");
        using var files = new Downloads(await platform.PortalAsync());
        await files.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var cergyCsv = await files.GetAsync($"/Admin/Effectifs?handler=Csv&ecole={Demo.CergySchool}");
        var cergyWeek = await agent.GetAsync($"/Admin/Effectifs/Semaine?commune={Demo.Cergy}");
        var badDay = await agent.GetAsync($"/Admin/Effectifs?ecole={School}&date=2026-13-40");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (cergy.Status, cergyPrint.Status, cergyCsv.Status, cergyWeek.Status));
        Assert.Contains("Accès refusé", cergy.Text);
        Assert.DoesNotContain("Touleuses", cergy.Text);
        Assert.DoesNotContain("Touleuses", Encoding.UTF8.GetString(cergyCsv.Bytes));
        Assert.Equal(HttpStatusCode.OK, badDay.Status);
        Assert.Contains("La date demandée n'est pas valide : choisissez un jour, par exemple 04/12/2026. Voici la journée d'aujourd'hui.", badDay.Text);
        Assert.Equal(Wire(Today), CountsPage.Parse(badDay.Html).Date);
    });

    [Fact]
    public Task The_week_chart_has_a_title_and_a_description_per_school_and_a_table_with_the_same_figures() => platform.RunAsync(output, async () =>
    {
        // The chart shows Monday to Friday; the shared cloud serves meals every day, weekends and the
        // Saturday before the holidays too, which the chart does not show.
        var day = await LastCanteenDayAsync(weekdaysOnly: true);
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var counts = CountsPage.Parse((await agent.GetAsync($"/Admin/Effectifs?ecole={School}&date={Wire(day)}")).Html);

        var page = await agent.GetAsync($"/Admin/Effectifs/Semaine?commune={Demo.Pontoise}&date={Wire(day)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var monday = ReservationDemo.MondayOf(day);
        Assert.Contains($"Semaine du {FrenchWords.Day(monday)} au {FrenchWords.Day(monday.AddDays(4))} — Pontoise", page.Text);
        var charts = Markup.Tags(page.Html, "svg").Where(svg => svg["role"] == "img").ToList();
        Assert.Equal(2, charts.Count);
        var chart = Markup.Tags(page.Html, "figure").Single(f => f["data-school-id"] == School);
        var svg = Markup.Tags(page.Html, "svg", chart.End).First();
        var (titleId, descriptionId) = (svg["aria-labelledby"]!.Split(' ')[0], svg["aria-labelledby"]!.Split(' ')[1]);
        var title = Markup.Tags(page.Html, "title").Single(t => t["id"] == titleId);
        Assert.Equal($"{SchoolName} : repas prévus et présents du lundi au vendredi", Markup.Text(page.Html[title.End..Markup.EndOf(page.Html, title)]));
        var description = Markup.Tags(page.Html, "desc").Single(d => d["id"] == descriptionId);
        var said = Markup.Text(page.Html[description.End..Markup.EndOf(page.Html, description)]);
        var dayName = FrenchWords.Day(day);
        Assert.Contains($"{char.ToUpperInvariant(dayName[0])}{dayName[1..]} : {counts.Forecast} prévus, {counts.Actual} présents.", said);
        var bars = Markup.Tags(page.Html, "rect").Where(r => r["data-day"] == Wire(day) && r.Start > svg.Start && r.Start < Markup.EndOf(page.Html, chart)).ToList();
        Assert.Equal([("prevus", counts.Forecast.ToString(CultureInfo.InvariantCulture)), ("presents", counts.Actual.ToString(CultureInfo.InvariantCulture))],
            bars.Select(b => (b["data-kind"]!, b["data-value"]!)));

        var row = Markup.Tags(page.Html, "tr").Single(tr => tr["data-school-id"] == School);
        var cells = Markup.Tags(page.Html, "td", row.End, Markup.EndOf(page.Html, row)).Where(td => td["data-day"] == Wire(day)).ToList();
        Assert.Equal([counts.Forecast.ToString(CultureInfo.InvariantCulture), counts.Actual.ToString(CultureInfo.InvariantCulture)],
            cells.Select(td => td["data-forecast"] ?? td["data-actual"]));
        Assert.Contains(Markup.Tags(page.Html, "caption"), c => c["id"] == "tableau");
    });

    /// <summary>The last day up to today the canteen runs at Pontoise, by the rules the cloud answers (from Monday to Friday if asked).</summary>
    private async Task<DateOnly> LastCanteenDayAsync(bool weekdaysOnly = false)
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var rules = CanteenBooking(await canteen.Rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = Demo.Pontoise }, agent, CloudApi.Deadline));
        return LastDay(Today, d => rules.Schedule.RunsOn(d, rules.Calendar) && !(weekdaysOnly && d.DayOfWeek is (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            ?? throw new Xunit.Sdk.XunitException("No canteen day at Pontoise in the past year.");
    }

    private async Task<SchoolDayReport> ReportAsync(DateOnly day)
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        return await canteen.Reports.GetSchoolDayReportAsync(new SchoolDayReportRequest { SchoolId = School, Date = Wire(day) }, agent, CloudApi.Deadline);
    }

    /// <summary>A box added to the school for this test, which sends the taps of that day and waits for them to be durable.</summary>
    private async Task TapAsync(DateOnly day, IReadOnlyList<string> cards)
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var readAt = day == Today ? DateTimeOffset.UtcNow.AddSeconds(-1) : CarteValoise.Domain.Canteen.ParisClock.At(day, new TimeOnly(12, 10));
        var created = await cloud.Canteen.CreateBoxAsync(new CreateBoxRequest { SchoolId = School, Label = "Effectifs (test de page)" }, agent, CloudApi.Deadline);
        var enrolled = await cloud.EdgeSync.EnrolAsync(new EnrolRequest { Code = created.EnrolmentCode, SoftwareVersion = "e2e" }, deadline: CloudApi.Deadline);
        await using var box = await BoxStream.OpenAsync(cloud, enrolled.BoxId, enrolled.Secret);
        Assert.Equal(cards.Count, await box.SendAsync(cards.Select((card, i) => BoxStream.Tap(i + 1, card, readAt.AddMilliseconds(i), TapDecision.Accepted))));
    }
}
