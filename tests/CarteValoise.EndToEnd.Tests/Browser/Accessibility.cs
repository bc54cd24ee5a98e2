using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CarteValoise.EndToEnd.Tests.Browser;

/// <summary>
/// WCAG 2.1 AA as axe-core checks it (Deque.AxeCore.Playwright runs the axe script shipped in the
/// package inside the page): a citizen page passes with no violation of serious or critical impact.
/// Call it on every citizen page a browser test visits, in the state the citizen sees it (errors shown).
/// </summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var results = await page.RunAxe(Wcag21AA);
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"axe-core finds {serious.Count} serious or critical violation(s) on {what} ({page.Url}):\n" + string.Join("\n", serious.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
