using Microsoft.Playwright;

namespace CarteValoise.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's driver (shipped inside the NuGet package); no browser
/// is ever downloaded, so a machine without the package fails with what to install.
/// </summary>
public static class Chromium
{
    private const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install Debian's chromium: apt-get install -y chromium");
        // Pages call the cloud over gRPC on a machine of two busy cores: more than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Executable,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Screenshots are kept as test artifacts in &lt;repo&gt;/artifacts/TestResults/screenshots.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Processes.Component.RepositoryRoot, "artifacts", "TestResults", "screenshots"));
        return Path.Combine(folder.FullName, name);
    }
}
