using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.ReaderBox;
using Grpc.Core;
using Xunit.Abstractions;
using FamiliesService = CarteValoise.Contracts.Families.Families;
using ReportsService = CarteValoise.Contracts.Canteen.CanteenReports;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// What drained boxes wrote against what the cluster holds, as an agent of the commune reads it:
/// each box's taps once on the children's pages (<see cref="TapAccounting"/>), its last written
/// sequence durable in the cloud, each school day's meal count equal to the children the boxes
/// served, and each family's balance the sum of its movements, one meal charge per meal. Its reads
/// retry UNAVAILABLE, as every client of the cloud is told to: just after a silo or the database
/// went away, one call per silo may still meet a connection of before.
/// </summary>
public static class ClusterAccounting
{
    /// <summary>The recent movements a family page lists: the balance check needs every movement on it.</summary>
    private const int MovementsOnPage = 20;

    public static async Task AssertCountedOnceAsync(
        IReadOnlyList<(BoxUnderLoad Box, BoxStatus Drained)> boxes, Uri silo, Metadata agent, string reason, ITestOutputHelper output)
    {
        using var cloud = new FailoverCloud([silo]);
        Task<FamilySummary> GetFamily(GetFamilyRequest request) => cloud.CallAsync("GetFamily", (channel, deadline) =>
            new FamiliesService.FamiliesClient(channel).GetFamilyAsync(request, agent, deadline).ResponseAsync);
        var served = new List<(string SchoolId, DateOnly Day, string ChildId)>();
        var held = new List<TapInCloud>();
        foreach (var (box, status) in boxes)
        {
            var runs = box.Runs;
            var printed = runs.SelectMany(run => run).ToList();
            var lastPrinted = printed.Select(t => t.Sequence).DefaultIfEmpty(0).Max();
            Assert.True(status.DurableThroughSequence >= lastPrinted,
                $"Box {box.BoxId} drained, yet the cloud holds its taps through {status.DurableThroughSequence} only; it printed up to {lastPrinted}.");
            // Everything the box ever wrote is durable in the cloud: it deleted nothing the cloud does not have.
            Assert.Equal(status.LastSequence, status.DurableThroughSequence);
            var inCloud = await FamilyTaps.ReadAsync(GetFamily, box.Spec.FamilyIds, printed.Select(t => t.ReadAt), reason);
            output.WriteLine($"Box {box.BoxId}: printed {printed.Count} taps (last seq {lastPrinted}), the cloud holds {inCloud.Count}, durable through {status.DurableThroughSequence}.");
            TapAccounting.AssertCloudHoldsEachTapOnce(runs, inCloud, status.DurableThroughSequence);
            held.AddRange(inCloud);
            served.AddRange(printed.Where(t => t.Decision == "Accepted")
                .Select(t => (box.Spec.SchoolId, FamilyTaps.ParisDay(t.ReadAt), box.Spec.ChildIdOf(t.CardUid))));
        }

        // A child the boxes served on a day has that day's one meal, counted once by its school day.
        var meals = held.Where(t => t.Meal).Select(t => (t.ChildId, Day: FamilyTaps.ParisDay(t.ReadAt))).ToList();
        var mealTwice = meals.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => $"{g.Key.ChildId} le {g.Key.Day}").ToList();
        Assert.True(mealTwice.Count == 0, $"More than one meal on a day for: {string.Join(", ", mealTwice)}.");
        foreach (var day in served.GroupBy(s => (s.SchoolId, s.Day)))
        {
            var children = day.Select(s => s.ChildId).Distinct().Order().ToList();
            Assert.Equal(children, meals.Where(m => m.Day == day.Key.Day && children.Contains(m.ChildId)).Select(m => m.ChildId).Order().ToList());
            var request = new SchoolDayReportRequest { SchoolId = day.Key.SchoolId, Date = FamilyTaps.Wire(day.Key.Day) };
            var report = await cloud.CallAsync("GetSchoolDayReport", (channel, deadline) =>
                new ReportsService.CanteenReportsClient(channel).GetSchoolDayReportAsync(request, agent, deadline).ResponseAsync);
            output.WriteLine($"School {day.Key.SchoolId} on {day.Key.Day}: the boxes served {children.Count} children, the school day counts {report.Actual} meals.");
            Assert.Equal(children, report.Children.Where(c => c.Present).Select(c => c.ChildId).Order().ToList());
            Assert.Equal(children.Count, report.Actual);
        }

        foreach (var familyId in boxes.SelectMany(b => b.Box.Spec.FamilyIds))
        {
            var family = await GetFamily(new GetFamilyRequest { FamilyId = familyId, Reason = reason });
            var familyMeals = held.Count(t => t.FamilyId == familyId && t.Meal);
            AssertBalanceIsItsMovements(family);
            // The opening top-up, then one charge per meal: a meal charged twice would be one more.
            Assert.Equal(1 + familyMeals, family.RecentMovements.Count);
            Assert.Equal(familyMeals, family.RecentMovements.Count(m => m.AmountCents < 0));
        }
    }

    /// <summary>A family's balance is the sum of its movements; the page must list them all for that to be checked.</summary>
    public static void AssertBalanceIsItsMovements(FamilySummary family)
    {
        Assert.True(family.RecentMovements.Count < MovementsOnPage,
            $"Family {family.FamilyId} has {family.RecentMovements.Count} movements on its page, which lists {MovementsOnPage} at most: its balance cannot be checked against them.");
        Assert.True(family.BalanceCents == family.RecentMovements.Sum(m => m.AmountCents),
            $"Family {family.FamilyId}: balance {family.BalanceCents} cents, but its movements sum to {family.RecentMovements.Sum(m => m.AmountCents)}: "
            + string.Join("; ", family.RecentMovements.Select(m => $"{m.At.ToDateTimeOffset():O} {m.Label} {m.AmountCents}")));
    }
}
