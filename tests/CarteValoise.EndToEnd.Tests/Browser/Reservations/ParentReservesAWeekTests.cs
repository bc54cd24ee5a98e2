using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser.Reservations;

/// <summary>
/// A parent reserving a week of meals in a real browser (Debian's headless Chromium): signs in,
/// opens «Réservations», picks their child, goes to the next week (and on, past the holidays, to
/// the first week still open), ticks every canteen day open to reservation by its label, saves,
/// reads the confirmation, and finds each of those days reserved after reloading the page. In the
/// summer, once the school year in force is over, Argenteuil gets days ahead for the test (<see cref="SchoolDaysAhead"/>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParentReservesAWeekTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int WeeksSearched = 12;

    [Fact]
    public Task A_parent_reserves_every_open_canteen_day_of_a_coming_week() => platform.RunAsync(output, async () =>
    {
        await using var rules = await RulesForATest.SaveAsync(await platform.CloudAsync(), ReservationDemo.Agent, ReservationDemo.Commune,
            inForce => SchoolDaysAhead.Ensure(inForce, WireRules.Today));
        var portal = await platform.PortalAsync();
        var child = await ChildAsync(ReservationDemo.BrowserTestChild);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(ReservationDemo.Parent);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.ParentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Réservations", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réservations", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Enfants" })
            .GetByRole(AriaRole.Link, new() { Name = $"{child.FirstName} {child.LastName}", Exact = true }).ClickAsync();
        var week = page.Locator($"table.reservation-week[data-child-id='{child.ChildId}']");
        await Expect(week).ToBeVisibleAsync();

        // Next week, and on to the first week with canteen days still open (after the holidays, say).
        var open = page.Locator("td[data-service='cantine'][data-can-change='true']");
        for (var weeks = 0; weeks == 0 || (await open.CountAsync() == 0 && weeks < WeeksSearched); weeks++)
        {
            var shown = await week.GetAttributeAsync("data-week");
            await page.GetByRole(AriaRole.Link, new() { Name = "Semaine suivante" }).ClickAsync();
            await Expect(week).Not.ToHaveAttributeAsync("data-week", shown!);
        }
        Assert.True(await open.CountAsync() > 0, $"No canteen day open to change in the {WeeksSearched} weeks ahead.");
        output.WriteLine($"Week {await week.GetAttributeAsync("data-week")}.");

        // The demo child eats at the canteen every day: the parent first cancels the week's meals,
        // so that there is a week to reserve. (A day whose reservation closed before its cancellation
        // stays cancelled: it is no longer open below.)
        var reserved = await DaysAsync(page.Locator("td[data-service='cantine'][data-can-change='true'][data-reserved='true']"));
        if (reserved.Count > 0)
        {
            foreach (var day in reserved) await page.GetByLabel(BoxLabel(day), new() { Exact = true }).UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les réservations" }).ClickAsync();
            await Expect(page.Locator("#confirmation li")).ToHaveTextAsync(reserved.Select(day => $"Annulé : cantine du {FrenchWords.Day(day)}").ToArray());
        }

        var days = await DaysAsync(open);
        Assert.True(days.Count > 0, "No canteen day of the week is open to reservation any more.");
        output.WriteLine($"Open canteen days: {string.Join(", ", days)}.");
        foreach (var day in days) await page.GetByLabel(BoxLabel(day), new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les réservations" }).ClickAsync();

        var confirmation = page.Locator("#confirmation");
        await Expect(confirmation.Locator("li")).ToHaveTextAsync(days.Select(day => $"Réservé : cantine du {FrenchWords.Day(day)}").ToArray());
        await Expect(confirmation).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("parent-reservations.png"), FullPage = true });

        await page.ReloadAsync();
        await Expect(week).ToBeVisibleAsync();
        await Expect(confirmation).ToHaveCountAsync(0);
        foreach (var day in days)
        {
            await Expect(page.Locator($"td[data-date='{day:yyyy-MM-dd}'][data-service='cantine']")).ToHaveAttributeAsync("data-reserved", "true");
            await Expect(page.GetByLabel(BoxLabel(day), new() { Exact = true })).ToBeCheckedAsync();
        }

        // The same week on a phone: each day a block, each cell naming its service.
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator(".reservation-week .cell-service").First).ToBeVisibleAsync();
        var phone = Chromium.ScreenshotPath("parent-reservations-phone.png");
        await page.ScreenshotAsync(new() { Path = phone, FullPage = true });
        output.WriteLine($"Screenshots: {Chromium.ScreenshotPath("parent-reservations.png")}, {phone}");
    });

    /// <summary>The accessible name of a day's canteen box, as a screen reader announces it.</summary>
    private static string BoxLabel(DateOnly day) => $"Réserver : cantine du {FrenchWords.Day(day)}";

    private static async Task<List<DateOnly>> DaysAsync(ILocator cells)
    {
        var days = new List<DateOnly>();
        foreach (var cell in await cells.AllAsync())
            days.Add(DateOnly.ParseExact((await cell.GetAttributeAsync("data-date"))!, "yyyy-MM-dd"));
        return days;
    }

    /// <summary>The child as the cloud knows them, so that the page is checked against the truth and not against itself.</summary>
    private async Task<ChildSummary> ChildAsync(string childId)
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), CloudApi.Deadline);
        return family.Children.Single(c => c.ChildId == childId);
    }
}
