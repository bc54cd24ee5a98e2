using System.Net;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>
/// A parent reserving and cancelling on the portal's /Reservations page, over plain HTTP as a
/// browser without JavaScript would: the week as the cloud holds it, a reservation that is taken
/// and shown, a change past its cut-off refused with the cloud's exact sentence and nothing changed,
/// a form sent twice applied once, another family's child refused, a malformed week explained.
/// Every reservation is checked against the cloud itself, over gRPC. A test that needs days ahead
/// has them whatever the date (<see cref="SchoolDaysAhead"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReservationPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>How far ahead a test looks for a day still open to reservation (school holidays can take two weeks).</summary>
    private const int WeeksSearched = 12;

    private const string Child = ReservationDemo.PageTestsChild;

    [Fact]
    public Task A_parent_sees_the_week_of_their_child_as_the_cloud_holds_it() => platform.RunAsync(output, async () =>
    {
        using var parent = await SignedInAsync();
        var page = await parent.GetAsync($"/Reservations?enfant={Child}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = ReservationsPage.Parse(page.Html);
        var monday = DefaultMonday();
        Assert.Equal(Child, shown.ChildId);
        Assert.Equal(monday, shown.Week);
        Assert.Empty(shown.Errors);

        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        var truth = await cloud.CalendarAsync(await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), Child, monday, monday.AddDays(4));
        Assert.Contains($"{truth.FirstName} {truth.LastName} — {truth.SchoolName}", page.Text);
        Assert.Contains($"Pour réserver : {truth.ReservationCutOff}", page.Text);
        Assert.Contains($"Pour annuler : {truth.CancellationCutOff}", page.Text);
        Assert.Equal(
            truth.Days.SelectMany(day => day.Services.Select(s => (day.Date, ReservationsCloud.FieldOf(s.Service), s.Runs, s.Reserved, s.Taken, s.CanChange))),
            shown.Cells.Select(c => (c.Day.ToString("yyyy-MM-dd"), c.Service, c.Runs, c.Reserved, c.Taken, c.CanChange)));
        Assert.NotEmpty(shown.Cells);
        foreach (var (day, service) in truth.Days.SelectMany(day => day.Services.Select(s => (day, s))))
        {
            var cell = shown.Cell(DateOnly.ParseExact(day.Date, "yyyy-MM-dd"), ReservationsCloud.FieldOf(service.Service));
            if (!service.Runs) Assert.Contains(service.ClosedReason, cell.Text);
            else if (!service.CanChange) Assert.Contains(service.WhyNotChangeable, cell.Text);
            else
            {
                Assert.Equal(service.Reserved, cell.Ticked);
                Assert.Equal(service.Reserved ? "1" : "0", shown.FormFields[$"affiche[{cell.Field}]"]);
            }
        }
        Assert.Contains("Repas et accueils pris", page.Text);
    });

    [Fact]
    public Task Reserving_an_open_day_shows_the_confirmation_and_the_calendar_then_shows_it_reserved() => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.Agent, ReservationDemo.Commune);
        using var parent = await SignedInAsync();
        var (path, page, cell) = await FirstOpenDayAsync(parent);

        var saved = await parent.SubmitFormHoldingAsync(path, "operation", page.FormTicking((cell, true)));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var after = ReservationsPage.Parse(saved.Html);
        Assert.Empty(after.Errors);
        Assert.Equal([$"Réservé : {FrenchWords.Service(cell.Service)} du {FrenchWords.Day(cell.Day)}"], after.Confirmation);
        Assert.True(after.Cell(cell.Day, cell.Service) is { Reserved: true, Ticked: true }, "The page after the save does not show the day reserved.");
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        Assert.True(await cloud.IsReservedAsync(await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), Child, cell.Day, cell.Service));

        var later = ReservationsPage.Parse((await parent.GetAsync(path)).Html);
        Assert.Empty(later.Confirmation);
        Assert.True(later.Cell(cell.Day, cell.Service) is { Reserved: true, Ticked: true }, "The calendar shown again does not show the day reserved.");
    });

    [Fact]
    public Task The_same_form_sent_again_is_applied_once() => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.Agent, ReservationDemo.Commune);
        using var parent = await SignedInAsync();
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        var session = await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        var (path, page, cell) = await FirstOpenDayAsync(parent);
        var reserve = page.FormTicking((cell, true));
        await parent.SubmitFormHoldingAsync(path, "operation", reserve);
        Assert.True(await cloud.IsReservedAsync(session, Child, cell.Day, cell.Service));

        var shown = ReservationsPage.Parse((await parent.GetAsync(path)).Html);
        var cancelled = await parent.SubmitFormHoldingAsync(path, "operation", shown.FormTicking((shown.Cell(cell.Day, cell.Service), false)));
        Assert.Equal([$"Annulé : {FrenchWords.Service(cell.Service)} du {FrenchWords.Day(cell.Day)}"], ReservationsPage.Parse(cancelled.Html).Confirmation);

        // The first form again, as the back button and «send again» would post it: its operation
        // was applied already, so the later cancellation stands.
        var resent = await parent.SubmitFormHoldingAsync(path, "operation", reserve);
        Assert.Equal(HttpStatusCode.OK, resent.Status);
        Assert.False(await cloud.IsReservedAsync(session, Child, cell.Day, cell.Service), "The same form sent twice reserved the day twice over a cancellation.");
        Assert.False(ReservationsPage.Parse(resent.Html).Cell(cell.Day, cell.Service).Reserved);
    });

    [Fact]
    public Task Saving_without_ticking_anything_says_so_and_sends_nothing() => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.Agent, ReservationDemo.Commune);
        using var parent = await SignedInAsync();
        var (path, page, _) = await FirstOpenDayAsync(parent);

        var saved = await parent.SubmitFormHoldingAsync(path, "operation", page.FormTicking());

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var after = ReservationsPage.Parse(saved.Html);
        Assert.Empty(after.Errors);
        Assert.Empty(after.Confirmation);
        Assert.Contains("Aucune modification à enregistrer : vous n'avez coché ni décoché aucune case.", saved.Text);
        Assert.Equal(page.Cells, after.Cells);
    });

    [Fact]
    public Task A_change_past_its_cut_off_is_refused_with_the_exact_reason_and_nothing_changes() => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.Agent, ReservationDemo.Commune);
        using var parent = await SignedInAsync();
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        var session = await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        var (path, page, open) = await FirstOpenDayAsync(parent);
        var (closed, reason) = await ClosedDayAsync(parent);
        output.WriteLine($"Open: {open.Field}; closed: {closed.Field} ({reason})");

        // The open day ticked as the page allows, and the closed one as a form shown before its
        // cut-off would still send it: the cloud refuses the whole request.
        var fields = page.FormTicking((open, true));
        fields[$"affiche[{closed.Field}]"] = "0";
        fields[$"reserver[{closed.Field}]"] = "1";
        var refused = await parent.SubmitFormHoldingAsync(path, "operation", fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var after = ReservationsPage.Parse(refused.Html);
        Assert.Equal([reason], after.Errors);
        Assert.Contains("Aucune réservation n'a été modifiée", refused.Text);
        Assert.Empty(after.Confirmation);
        Assert.False(await cloud.IsReservedAsync(session, Child, open.Day, open.Service), "The open day was reserved although the request was refused.");
        Assert.False(await cloud.IsReservedAsync(session, Child, closed.Day, closed.Service), "The closed day was reserved past its cut-off.");
        // What the parent ticked stays ticked for another try, over what the cloud holds.
        var openAfter = after.Cell(open.Day, open.Service);
        Assert.True(openAfter is { Ticked: true, Reserved: false }, "The refused page lost the parent's ticks or shows the day reserved.");
        Assert.Equal("0", after.FormFields[$"affiche[{open.Field}]"]);
    });

    [Fact]
    public Task A_child_of_another_family_is_refused_in_French_and_nothing_is_written() => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.OtherFamilyAgent, Demo.Pontoise);
        using var parent = await SignedInAsync();
        var other = await parent.GetAsync($"/Reservations?enfant={ReservationDemo.OtherFamilyChild}");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Contains("Accès refusé", other.Text);
        Assert.DoesNotContain("Pour réserver", other.Text);
        Assert.Empty(ReservationsPage.Parse(other.Html).Cells);

        // A form crafted for that child, sent with the parent's own page's token.
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        var otherParent = await cloud.SignInAsync(Demo.PontoiseParent, Demo.ParentPassword);
        var (day, service) = await FirstOpenDayInCloudAsync(cloud, otherParent, ReservationDemo.OtherFamilyChild);
        var field = ReservationsPage.FieldOf(day, service);
        var crafted = await parent.SubmitFormHoldingAsync(ReservationDemo.PageOf(Child, DefaultMonday()), "operation", new Dictionary<string, string>
        {
            ["enfant"] = ReservationDemo.OtherFamilyChild,
            ["semaine"] = ReservationDemo.MondayOf(day).ToString("yyyy-MM-dd"),
            ["operation"] = Guid.NewGuid().ToString("N"),
            [$"affiche[{field}]"] = "0",
            [$"reserver[{field}]"] = "1",
        });
        Assert.Equal(HttpStatusCode.Forbidden, crafted.Status);
        Assert.Contains("Accès refusé", crafted.Text);
        Assert.False(await cloud.IsReservedAsync(otherParent, ReservationDemo.OtherFamilyChild, day, service));
    });

    public static TheoryData<string, string?, string?> TamperedForms => new()
    {
        { "a service the page does not know", "affiche[{0}:piscine]", "0" },
        { "a shown state that is neither 1 nor 0", "affiche[{0}:cantine]", "peut-être" },
        { "a day that does not exist", "affiche[2026-02-30:cantine]", "0" },
        { "no operation id", null, null },
    };

    [Theory]
    [MemberData(nameof(TamperedForms))]
    public Task A_tampered_form_is_refused_in_French_and_nothing_changes(string what, string? field, string? value) => platform.RunAsync(output, async () =>
    {
        await using var rules = await DaysAheadAsync(ReservationDemo.Agent, ReservationDemo.Commune);
        output.WriteLine($"Form with {what}.");
        using var parent = await SignedInAsync();
        var (path, page, open) = await FirstOpenDayAsync(parent);
        var fields = page.FormTicking((open, true));
        if (field is null) fields.Remove("operation");
        else fields[string.Format(System.Globalization.CultureInfo.InvariantCulture, field, open.Day.ToString("yyyy-MM-dd"))] = value!;

        var refused = await parent.SubmitFormHoldingAsync(path, "operation", fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var after = ReservationsPage.Parse(refused.Html);
        Assert.Equal(["Le formulaire envoyé est incomplet ou a été modifié : affichez à nouveau la semaine et recommencez. Aucune réservation n'a été modifiée."],
            after.Errors);
        Assert.Empty(after.Confirmation);
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        Assert.False(await cloud.IsReservedAsync(await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), Child, open.Day, open.Service));
    });

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("semaine-prochaine")]
    public Task A_malformed_week_gets_a_French_message_and_the_current_week(string week) => platform.RunAsync(output, async () =>
    {
        using var parent = await SignedInAsync();
        var page = await parent.GetAsync($"/Reservations?enfant={Child}&semaine={Uri.EscapeDataString(week)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = ReservationsPage.Parse(page.Html);
        Assert.Equal(["La semaine demandée n'est pas valide : indiquez un jour de la semaine voulue, par exemple 07/12/2026."], shown.Errors);
        Assert.Equal(DefaultMonday(), shown.Week);
        Assert.Equal(Child, shown.ChildId);
    });

    [Fact]
    public Task The_family_page_links_each_child_to_their_reservations_and_shows_the_balance_warning_the_cloud_gives() => platform.RunAsync(output, async () =>
    {
        using var parent = new WebSession(await platform.PortalAsync());
        var home = await parent.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        Assert.Equal("/", home.Address.AbsolutePath);
        using var cloud = new CloudApi(await platform.CloudAsync());
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), CloudApi.Deadline);
        Assert.Equal(2, family.Children.Count);

        foreach (var child in family.Children)
        {
            var link = Markup.Tags(home.Html, "a").SingleOrDefault(a => a["data-reservations-of"] == child.ChildId)
                ?? throw new Xunit.Sdk.XunitException($"The family page has no reservation link for {child.ChildId}.");
            Assert.Equal($"Réserver les repas {FrenchWords.Of(child.FirstName)}", Markup.Text(home.Html[link.End..Markup.EndOf(home.Html, link)]));
            var reservations = await parent.GetAsync(link["href"]!);
            Assert.Equal(HttpStatusCode.OK, reservations.Status);
            Assert.Equal(child.ChildId, ReservationsPage.Parse(reservations.Html).ChildId);
        }

        var warning = Markup.Tags(home.Html, "p").SingleOrDefault(p => p["id"] == "balance-warning");
        if (family.BalanceWarning.Length == 0) Assert.Null(warning);
        else Assert.Equal(family.BalanceWarning, Markup.Text(home.Html[warning!.End..Markup.EndOf(home.Html, warning)]));
        Assert.Equal(family.BilledMonthly, Markup.Tags(home.Html, "table").Any(t => t.HasClass("family-invoices")) || home.Text.Contains("Aucune facture pour le moment"));
    });

    private async Task<WebSession> SignedInAsync()
    {
        var session = new WebSession(await platform.PortalAsync());
        var home = await session.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        Assert.Equal("/", home.Address.AbsolutePath);
        return session;
    }

    /// <summary>The commune's rules, with days ahead to reserve for the length of the test (<see cref="SchoolDaysAhead"/>).</summary>
    private async Task<RulesForATest> DaysAheadAsync(string agent, string commune) =>
        await RulesForATest.SaveAsync(await platform.CloudAsync(), agent, commune, rules => SchoolDaysAhead.Ensure(rules, WireRules.Today));

    /// <summary>The week the page opens on: this one, or the next one on a weekend.</summary>
    private static DateOnly DefaultMonday()
    {
        var today = ReservationDemo.TodayInParis;
        return ReservationDemo.MondayOf(today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? today.AddDays(2) : today);
    }

    /// <summary>
    /// The first service, from the week the page opens on, that the page offers to reserve (the demo
    /// child eats at the canteen every day, so it is a care session as often as not).
    /// </summary>
    private static async Task<(string Path, ReservationsPage Page, CellOnPage Cell)> FirstOpenDayAsync(WebSession parent)
    {
        for (var week = 0; week < WeeksSearched; week++)
        {
            var path = ReservationDemo.PageOf(Child, DefaultMonday().AddDays(7 * week));
            var page = ReservationsPage.Parse((await parent.GetAsync(path)).Html);
            if (page.Cells.FirstOrDefault(c => c is { CanChange: true, Reserved: false }) is { } cell)
                return (path, page, cell);
        }
        throw new Xunit.Sdk.XunitException($"No day open to reservation in the {WeeksSearched} weeks ahead.");
    }

    /// <summary>
    /// A service no longer open to reservation and the refusal the cloud must give for it: one from
    /// today on whose cut-off has passed when the two weeks shown first hold one, else a past day.
    /// </summary>
    private static async Task<(CellOnPage Cell, string Reason)> ClosedDayAsync(WebSession parent)
    {
        var today = ReservationDemo.TodayInParis;
        for (var week = 0; week < 2; week++)
        {
            var page = ReservationsPage.Parse((await parent.GetAsync(ReservationDemo.PageOf(Child, DefaultMonday().AddDays(7 * week)))).Html);
            if (page.Cells.FirstOrDefault(c => c is { Runs: true, CanChange: false, Reserved: false, Deadline: not null } && c.Day >= today) is { } late)
                return (late, $"Réservation close depuis le {FrenchWords.DayAndTime(late.Deadline!.Value)} pour {FrenchWords.ServiceOn(late.Service, late.Day)}.");
        }
        for (var week = 0; week < WeeksSearched; week++)
        {
            var page = ReservationsPage.Parse((await parent.GetAsync(ReservationDemo.PageOf(Child, ReservationDemo.MondayOf(today).AddDays(-7 * week)))).Html);
            if (page.Cells.LastOrDefault(c => c is { Runs: true, Reserved: false } && c.Day < today) is { } past)
                return (past, $"Impossible de réserver {FrenchWords.ServiceOn(past.Service, past.Day)} : ce jour est passé.");
        }
        throw new Xunit.Sdk.XunitException($"No day closed to reservation in the {WeeksSearched} weeks before.");
    }

    private static async Task<(DateOnly Day, string Service)> FirstOpenDayInCloudAsync(ReservationsCloud cloud, global::Grpc.Core.Metadata session, string childId)
    {
        var from = ReservationDemo.TodayInParis;
        for (var span = 0; span < WeeksSearched / 4; span++, from = from.AddDays(28))
        {
            var calendar = await cloud.CalendarAsync(session, childId, from, from.AddDays(27));
            foreach (var day in calendar.Days)
                if (day.Services.FirstOrDefault(s => s is { CanChange: true, Reserved: false }) is { } open)
                    return (DateOnly.ParseExact(day.Date, "yyyy-MM-dd"), ReservationsCloud.FieldOf(open.Service));
        }
        throw new Xunit.Sdk.XunitException($"No day open to reservation for {childId} in the {WeeksSearched} weeks ahead.");
    }
}
