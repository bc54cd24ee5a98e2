using static Microsoft.Playwright.Assertions;

namespace CarteValoise.EndToEnd.Tests.Browser;

/// <summary>
/// The browser alone, without the platform: when the browser tests fail, this one tells whether
/// the machine (Chromium, Playwright's bundled driver) or the application is at fault.
/// </summary>
public sealed class ChromiumTests
{
    [Fact]
    public async Task Playwright_drives_Debian_chromium_without_downloading_anything()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        await page.SetContentAsync("<main><h1>Bonjour</h1><label for=c>Numéro de carte</label><input id=c></main>");
        await page.GetByLabel("Numéro de carte").FocusAsync();
        await page.Keyboard.TypeAsync("04951271001100");

        await Expect(page.GetByLabel("Numéro de carte")).ToHaveValueAsync("04951271001100");
    }
}
