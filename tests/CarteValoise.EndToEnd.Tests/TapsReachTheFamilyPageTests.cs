using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests;

/// <summary>
/// One tap through every tier: a reader box (a real process with the simulated reader) taps the
/// Cergy parent's two children's cards, the cloud counts them, and the parent finds them on the
/// portal's family page. The box is then killed with SIGKILL while it taps and restarted on the
/// same disk: every tap it had given feedback for must be counted exactly once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TapsReachTheFamilyPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Every_tap_the_box_printed_is_on_the_family_page_exactly_once_although_the_box_was_killed_twice() => platform.RunAsync(output, async () =>
    {
        using var parent = new WebSession(await platform.PortalAsync());
        var home = await parent.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        Assert.Equal("/", home.Address.AbsolutePath);
        var before = FamilyPage.Parse(home.Html);
        Assert.True(!before.AllTapReadAts.Any(), "The family page showed taps before any box tapped: something else writes taps for this family.");
        var startedAt = DateTimeOffset.UtcNow;

        var familyCards = new EdgeBoxRun(platform.TappingBox, platform.NewDataDirectory("box-a"), Demo.CergyFamilyCards, TapsPerSecond: 5);

        // Run 1: the taps reach the page once the cloud has acknowledged them.
        var run1 = await platform.StartEdgeBoxAsync("box run 1", familyCards);
        foreach (var card in Demo.CergyFamilyCards)
            await run1.WaitForTapAsync(tap => tap.CardUid == card && tap.Decision == "Accepted", $"accepting card {card}");
        var printedSoFar = run1.Taps.Max(t => t.Sequence);
        await run1.WaitForAckAsync(printedSoFar);
        var acknowledged = run1.Taps.Where(t => t.Sequence <= printedSoFar).ToList();
        var firstLook = FamilyPage.Parse((await parent.GetAsync("/")).Html);
        Assert.Empty(acknowledged.Where(t => !firstLook.AllTapReadAts.Contains(t.ReadAt)).Select(t => t.ToString()));

        // SIGKILL while it taps, the moment a tap is printed (its ack most likely still on the way);
        // then the same disk again: the outbox must resend what was not acknowledged.
        await run1.WaitForTapAsync(tap => tap.Sequence >= printedSoFar + 4, $"numbered {printedSoFar + 4} or more");
        await run1.Process.KillAsync();
        var lastOfRun1 = run1.Taps.Max(t => t.Sequence);
        output.WriteLine($"Run 1 printed {run1.Taps.Count} taps (last seq {lastOfRun1}); the cloud had acknowledged through {run1.AcknowledgedThrough} when it was killed.");

        var run2 = await platform.StartEdgeBoxAsync("box run 2, after SIGKILL", familyCards);
        await run2.WaitForTapCountAsync(10);
        Assert.True(run2.Taps.Min(t => t.Sequence) > lastOfRun1,
            $"After a restart the box numbered a new tap {run2.Taps.Min(t => t.Sequence)}, not above {lastOfRun1}: the cloud would drop it as already seen.");
        await run2.Process.KillAsync();
        var familyTaps = run1.Taps.Concat(run2.Taps).ToList();
        var lastFamilyTap = familyTaps.Max(t => t.Sequence);
        output.WriteLine($"Run 2 printed {run2.Taps.Count} taps (last seq {lastFamilyTap}); acknowledged through {run2.AcknowledgedThrough} when it was killed.");

        // Run 3 taps only a card no child holds, so that the family's taps stop changing while the box drains its outbox.
        var drain = await platform.StartEdgeBoxAsync("box run 3, after SIGKILL",
            familyCards with { CardUids = [Demo.UnknownCard], TapsPerSecond = 1 });
        await drain.WaitForAckAsync(lastFamilyTap);
        await drain.Process.KillAsync();
        Assert.All(drain.Taps, tap => Assert.Equal(Demo.UnknownCard, tap.CardUid));

        var after = FamilyPage.Parse((await parent.GetAsync("/")).Html);
        AssertEachTapShownOnce(familyTaps, after);
        AssertEachChildHadItsMeal(familyTaps, after);

        using var cloud = new CloudApi(await platform.CloudAsync());
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword), CloudApi.Deadline);
        Assert.Equal(after.BalanceCents, family.BalanceCents);
        var mealCharges = family.RecentMovements.Where(m => m.At.ToDateTimeOffset() >= startedAt && m.AmountCents < 0).ToList();
        Assert.Equal(after.Children.Sum(c => c.Meals), mealCharges.Count);
        Assert.Equal(after.BalanceCents - before.BalanceCents, mealCharges.Sum(m => m.AmountCents));
    });

    /// <summary>
    /// The page's taps, across both children, are exactly the box's TAP lines: none lost, none twice,
    /// none invented. (A kill between a tap's flush and its line would leave a tap on disk without a
    /// line; that window is microseconds against 200 ms between taps, so equality is asked for.)
    /// </summary>
    private static void AssertEachTapShownOnce(IReadOnlyList<TapLine> printed, FamilyPage page)
    {
        var shown = page.AllTapReadAts.ToList();
        var shownTwice = shown.GroupBy(at => at).Where(g => g.Count() > 1).Select(g => $"{g.Key.UtcDateTime:O} ×{g.Count()}").ToList();
        Assert.True(shownTwice.Count == 0, $"Taps counted more than once: {string.Join(", ", shownTwice)}");

        var expected = printed.Select(t => t.ReadAt).ToHashSet();
        var lost = printed.Where(t => !shown.Contains(t.ReadAt)).Select(t => t.ToString()).ToList();
        var invented = shown.Where(at => !expected.Contains(at)).Select(at => at.UtcDateTime.ToString("O")).ToList();
        Assert.True(lost.Count == 0 && invented.Count == 0,
            $"The box printed {printed.Count} taps and the page shows {shown.Count}.\n" +
            $"Printed but not on the page ({lost.Count}): {string.Join("; ", lost)}\n" +
            $"On the page but never printed ({invented.Count}): {string.Join("; ", invented)}");

        Assert.All(page.Children, child => Assert.Equal(child.TapReadAts.Count, child.TapsShown));
    }

    /// <summary>Each child's taps are those of one card of theirs, and a child accepted at the canteen has today's one meal.</summary>
    private static void AssertEachChildHadItsMeal(IReadOnlyList<TapLine> printed, FamilyPage page)
    {
        var cardOf = printed.GroupBy(t => t.ReadAt).ToDictionary(g => g.Key, g => g.First().CardUid);
        Assert.Equal(2, page.Children.Count);
        var cards = page.Children.Select(child =>
        {
            var childCards = child.TapReadAts.Select(at => cardOf[at]).Distinct().ToList();
            Assert.True(childCards.Count == 1, $"Child {child.ChildId} shows taps of cards {string.Join(", ", childCards)}: a tap went to the wrong child.");
            return childCards[0];
        }).ToList();
        Assert.Equal(Demo.CergyFamilyCards.Order(), cards.Order());
        foreach (var child in page.Children)
        {
            var accepted = printed.Any(t => t.Decision == "Accepted" && child.TapReadAts.Contains(t.ReadAt));
            Assert.True(accepted, $"Child {child.ChildId} had no tap the box accepted.");
            Assert.True(child.Meals == 1, $"Child {child.ChildId} was accepted at the canteen today but the page shows {child.Meals} meals (one a day).");
        }
    }
}
