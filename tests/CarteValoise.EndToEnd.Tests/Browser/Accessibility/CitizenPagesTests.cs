using System.Globalization;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

// Not «…Browser.Accessibility»: that is the name of the axe-core check beside this folder.
namespace CarteValoise.EndToEnd.Tests.Browser.CitizenPages;

/// <summary>
/// The citizen pages as a parent sees them, on a computer and on a 375 px phone, checked by axe-core
/// for WCAG 2.1 AA (no serious or critical violation): the family page of a family paying from a
/// balance (Cergy) and of one billed monthly, with its invoices once a month is billed (Argenteuil); «Réservations», with
/// the refusal of a posted week shown; a form sent without its anti-forgery token; a page that does
/// not exist; the family and reservation pages of an account no family is attached to yet. On the
/// phone, no page scrolls sideways and every link of the menu is on screen. No page breaks the
/// portal's Content-Security-Policy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenPagesTests(PlatformFixture platform, ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Screens => new()
    {
        { "computer", 1280, 800 },
        { "phone", 375, 667 },
    };

    private static readonly string[] CitizenMenu = ["Ma famille", "Réservations", "Mon dossier", "Mes documents", "Mes données"];

    [Theory]
    [MemberData(nameof(Screens))]
    public Task The_family_page_and_the_reservations_have_no_serious_accessibility_violation(string screen, int width, int height) => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser, width, height);
        var check = new PageCheck(page, screen, width, output);

        await SignInAsync(page, portal, Demo.CergyParent);
        await check.Async("the family page");
        await ExpectMenuUsableAsync(page, width);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" })
            .GetByRole(AriaRole.Link, new() { Name = "Réservations", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réservations", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("table.reservation-week")).ToBeVisibleAsync();
        await check.Async("«Réservations»");

        await PostARefusedWeekAsync(page, portal);
        await check.Async("«Réservations» with the cloud's refusal shown");

        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"citizen-reservations-refused-{screen}.png"), FullPage = true });
        check.AssertNoPolicyViolation();
    });

    [Theory]
    [MemberData(nameof(Screens))]
    public Task The_error_pages_have_no_serious_accessibility_violation(string screen, int width, int height) => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser, width, height);
        var check = new PageCheck(page, screen, width, output);
        await SignInAsync(page, portal, Demo.CergyParent);

        // «Se déconnecter» sent without its token, as from a page kept open too long: refused, and still signed in.
        await page.EvalOnSelectorAsync("header form", "form => { form.querySelector('input[name=__RequestVerificationToken]').remove(); form.submit(); }");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Formulaire expiré ou invalide", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Formulaire expiré ou invalide : rechargez la page et recommencez.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
        await check.Async("the page of a form sent without its anti-forgery token");

        var missing = await page.GotoAsync(new Uri(portal, "/page-qui-n-existe-pas").ToString());
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable", Level = 1 })).ToBeVisibleAsync();
        await check.Async("«Page introuvable»");

        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"citizen-not-found-{screen}.png"), FullPage = true });
        check.AssertNoPolicyViolation();
    });

    [Theory]
    [MemberData(nameof(Screens))]
    public Task The_family_page_of_a_family_billed_monthly_has_no_serious_accessibility_violation(string screen, int width, int height) => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser, width, height);
        var check = new PageCheck(page, screen, width, output);

        await SignInAsync(page, portal, ReservationDemo.Parent);
        await Expect(page.Locator("#factures")).ToBeVisibleAsync();
        await check.Async("the family page of a family billed monthly (Argenteuil)");
        await ExpectMenuUsableAsync(page, width);

        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath($"citizen-family-invoices-{screen}.png"), FullPage = true });
        check.AssertNoPolicyViolation();
    });

    [Fact]
    public Task A_citizen_with_no_family_yet_is_told_what_comes_next_on_the_family_and_reservation_pages() => platform.RunAsync(output, async () =>
    {
        var citizen = await Web.Accounts.Citizen.ConfirmedAsync(platform);
        var portal = await platform.PortalAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await NewPageAsync(browser, 375, 667);
        var check = new PageCheck(page, "phone", 375, output);

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(citizen.Email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#aucune-famille")).ToHaveTextAsync(
            "Votre compte n'est encore rattaché à aucune famille inscrite auprès d'une commune. Vos enfants, leurs repas et vos factures s'afficheront ici une fois votre famille inscrite.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Remplir mon dossier famille" })).ToHaveAttributeAsync("href", "/Dossier");
        await check.Async("the family page of an account with no family");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" })
            .GetByRole(AriaRole.Link, new() { Name = "Réservations", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réservations", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#aucune-famille")).ToHaveTextAsync(
            "Votre compte n'est encore rattaché à aucune famille inscrite auprès d'une commune : il n'y a rien à réserver pour le moment.");
        await check.Async("«Réservations» of an account with no family");
        check.AssertNoPolicyViolation();
    });

    private static async Task<IPage> NewPageAsync(IBrowser browser, int width, int height) =>
        await browser.NewPageAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = width, Height = height } });

    private static async Task SignInAsync(IPage page, Uri portal, string email)
    {
        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.ParentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Every link of the citizen's menu, their account and «Se déconnecter» inside the screen's width,
    /// and a keyboard focus that shows.
    /// </summary>
    private static async Task ExpectMenuUsableAsync(IPage page, int width)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu principal" });
        var controls = CitizenMenu.Select(name => menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }))
            .Append(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }))
            .ToList();
        foreach (var control in controls)
        {
            await Expect(control).ToBeVisibleAsync();
            var box = await control.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width,
                $"{await control.TextContentAsync()} is not inside the {width} px screen: {box?.X}..{box?.X + box?.Width}.");
            Assert.True(box!.Height >= 24, $"{await control.TextContentAsync()} is {box.Height} px high, too small to touch.");
        }
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Ma famille", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var focused = menu.GetByRole(AriaRole.Link, new() { Name = "Ma famille", Exact = true });
        await Expect(focused).ToBeFocusedAsync();
        var outline = await focused.EvaluateAsync<string>("a => { const s = getComputedStyle(a); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.Equal("solid 3px", outline);
    }

    /// <summary>
    /// Last week's first service that ran, changed in a form that says it was open (as a form shown
    /// before its cut-off would): the cloud refuses the week, and the page says why.
    /// </summary>
    private static async Task PostARefusedWeekAsync(IPage page, Uri portal)
    {
        var monday = ReservationDemo.MondayOf(ReservationDemo.TodayInParis);
        for (var weeks = 1; weeks <= 8; weeks++)
        {
            var week = monday.AddDays(-7 * weeks).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.GotoAsync(new Uri(portal, $"/Reservations?semaine={week}").ToString());
            var ran = page.Locator("td[data-runs='true']");
            await Expect(page.Locator($"table.reservation-week[data-week='{week}']")).ToBeVisibleAsync();
            if (await ran.CountAsync() == 0) continue;

            await ran.First.EvaluateAsync("""
                td => {
                    const field = td.dataset.date + ':' + td.dataset.service;
                    const form = document.querySelector('form.reservations');
                    const add = (name, value) => {
                        const input = document.createElement('input');
                        input.type = 'hidden'; input.name = name; input.value = value;
                        form.appendChild(input);
                    };
                    const reserved = td.dataset.reserved === 'true';
                    add('affiche[' + field + ']', reserved ? '1' : '0');
                    if (!reserved) add('reserver[' + field + ']', '1');
                    form.submit();
                }
                """);
            await Expect(page.Locator("#rien-modifie")).ToBeVisibleAsync();
            await Expect(page.Locator(".error-summary li")).Not.ToHaveCountAsync(0);
            return;
        }
        throw new Xunit.Sdk.XunitException("No service ran in the eight weeks before this one.");
    }

    /// <summary>What is checked on every page: axe-core, no sideways scrolling on a phone, no Content-Security-Policy violation.</summary>
    private sealed class PageCheck
    {
        private readonly IPage page;
        private readonly string screen;
        private readonly int width;
        private readonly ITestOutputHelper output;
        private readonly List<string> policyViolations = [];

        public PageCheck(IPage page, string screen, int width, ITestOutputHelper output)
        {
            this.page = page;
            this.screen = screen;
            this.width = width;
            this.output = output;
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                    lock (policyViolations) policyViolations.Add($"{page.Url}: {message.Text}");
            };
        }

        public async Task Async(string what)
        {
            var scan = System.Diagnostics.Stopwatch.StartNew();
            await Accessibility.AssertNoSeriousViolationsAsync(page, $"{what} ({screen})");
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} axe-core scanned {what} ({screen}) in {scan.ElapsedMilliseconds} ms.");
            var widths = await page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]");
            output.WriteLine($"{what} ({screen}): scrollWidth {widths[0]}, clientWidth {widths[1]}, innerWidth {widths[2]}.");
            if (widths[0] <= widths[2] && widths[0] <= widths[1]) return;
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
                    .slice(-5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '')
                        + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')
                """);
            Assert.Fail($"{what} scrolls sideways on a {width} px {screen}: scrollWidth {widths[0]} > clientWidth {widths[1]} / innerWidth {widths[2]}; "
                + $"widest: {string.Join(", ", wide)}.");
        }

        public void AssertNoPolicyViolation()
        {
            lock (policyViolations) Assert.True(policyViolations.Count == 0, string.Join("\n", policyViolations));
        }
    }
}
