using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Browser;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests;

/// <summary>
/// What a person sees in a real browser (Debian's headless Chromium): the parent on the portal,
/// and a citizen at the kiosk. Keyboard only, found by the labels a screen reader would announce.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrowserTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_parent_signs_in_with_the_keyboard_and_sees_the_family_page() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var children = await CergyChildrenAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await TypeIntoAsync(page, "Adresse électronique", Demo.CergyParent);
        await TypeIntoAsync(page, "Mot de passe", Demo.ParentPassword);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await ExpectChildrenAsync(page, children);

        var screenshot = Chromium.ScreenshotPath("parent-family.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    });

    [Fact]
    public Task A_citizen_types_a_card_and_the_pin_at_the_kiosk_and_sees_the_family() => platform.RunAsync(output, async () =>
    {
        var kiosk = await platform.KioskAsync();
        var children = await CergyChildrenAsync();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });

        await page.GotoAsync(new Uri(kiosk, "/").ToString());
        await TypeIntoAsync(page, "Numéro de carte", Demo.CergyFamilyCards[0]);
        await TypeIntoAsync(page, "Code PIN", Demo.KioskPin);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Famille");
        await Expect(page.Locator("#balance[data-balance-cents]")).ToBeVisibleAsync();
        await ExpectChildrenAsync(page, children);

        var screenshot = Chromium.ScreenshotPath("kiosk-family.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot: {screenshot}");
    });

    private static async Task TypeIntoAsync(IPage page, string label, string text)
    {
        await page.GetByLabel(label, new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(text);
    }

    private static async Task ExpectChildrenAsync(IPage page, IReadOnlyList<ChildSummary> children)
    {
        await Expect(page.Locator("section.child")).ToHaveCountAsync(children.Count);
        foreach (var child in children)
            await Expect(page.Locator($"section.child[data-child-id='{child.ChildId}']")).ToContainTextAsync(child.FirstName);
    }

    /// <summary>The children as the cloud knows them, so that the page is checked against the truth and not against itself.</summary>
    private async Task<IReadOnlyList<ChildSummary>> CergyChildrenAsync()
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword), CloudApi.Deadline);
        Assert.Equal(2, family.Children.Count);
        return family.Children;
    }
}
