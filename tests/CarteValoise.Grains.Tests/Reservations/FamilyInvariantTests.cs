using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Reservations;

[Collection(StoryCollection.Name)]
public sealed class FamilyInvariantTests(StoryClusterFixture fixture)
{
    private const int Children = 3;
    private const int TopUps = 10;
    private const long Opening = 5000;
    private const long Meal = 250;          // QF 700, default rules
    private const long MorningCare = 110;
    private static readonly DateOnly[] TapDays = [new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 26), new(2026, 11, 27)];

    [Fact]
    public async Task Concurrent_taps_reservations_and_payments_sent_twice_each_apply_once_and_the_balance_is_the_sum_of_the_movements()
    {
        fixture.StartAt(new DateTime(2026, 11, 30, 8, 0, 0)); // Monday 30 November, before every cut-off of the days reserved below
        var commune = await new TestCommune(fixture.Grains).Create();
        var familyId = await commune.AddFamily("001", 700, Opening);
        var family = fixture.Grains.GetGrain<IFamilyGrain>(familyId);
        var childIds = new List<string>();
        for (var i = 1; i <= Children; i++) childIds.Add((await commune.AddChild(familyId, i, $"Enfant{i}")).ChildId);

        var operations = new List<Func<Task>>();
        var reservationResults = new List<Task<ReservationResult>>();
        var sequence = 0;
        foreach (var childId in childIds)
        {
            var child = fixture.Grains.GetGrain<IChildGrain>(childId);
            // A day of the week before, as one box batch: two check-ins at morning care (one session), a
            // check-out, two canteen taps (one meal).
            foreach (var day in TapDays)
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), TimeSpan.Zero);
                ChildTap[] batch =
                [
                    new($"B1:{++sequence}", at, commune.SchoolId, TapService.CareCheckIn, true),
                    new($"B1:{++sequence}", at.AddMinutes(5), commune.SchoolId, TapService.CareCheckIn, true),
                    new($"B1:{++sequence}", at.AddMinutes(30), commune.SchoolId, TapService.CareCheckOut, true),
                    new($"B1:{++sequence}", at.AddHours(3).AddMinutes(40), commune.SchoolId, TapService.Canteen, true),
                    new($"B1:{++sequence}", at.AddHours(3).AddMinutes(42), commune.SchoolId, TapService.Canteen, true),
                ];
                operations.Add(() => child.RecordTaps(batch));
            }
            ReservationChange[][] requests =
            [
                [new(new DateOnly(2026, 12, 3), SchoolService.EveningCare, true), new(new DateOnly(2026, 12, 4), SchoolService.EveningCare, true)],
                [new(new DateOnly(2026, 12, 4), SchoolService.Canteen, false)],
                [new(new DateOnly(2026, 12, 9), SchoolService.WednesdayCare, true)],
                [new(new DateOnly(2026, 12, 7), SchoolService.Canteen, false)],
            ];
            for (var r = 0; r < requests.Length; r++)
            {
                var (operationId, changes) = ($"reservation-{r}", requests[r]);
                operations.Add(() => Remember(reservationResults, child.ChangeReservations(operationId, changes, "parent")));
            }
        }
        for (var t = 0; t < TopUps; t++)
        {
            var operationId = $"topup-{t}";
            operations.Add(() => family.Credit(operationId, 1000, "Paiement en ligne"));
        }

        // Everything twice (a lost answer, a replayed journal), in a shuffled order, all at once.
        var twice = operations.Concat(operations).OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(twice.Select(op => Task.Run(op)));
        foreach (var childId in childIds) await fixture.Grains.GetGrain<IChildGrain>(childId).Flush();

        var account = await family.GetAccount();
        Assert.Equal(account.Movements.Sum(m => m.AmountCents), account.BalanceCents);
        Assert.Equal(account.Movements.Count, account.Movements.Select(m => m.OperationId).Distinct().Count());
        Assert.Equal(Children * TapDays.Length, account.Movements.Count(m => m.OperationId.StartsWith("meal:", StringComparison.Ordinal)));
        Assert.Equal(Children * TapDays.Length, account.Movements.Count(m => m.OperationId.StartsWith("care:", StringComparison.Ordinal)));
        Assert.Equal(TopUps, account.Movements.Count(m => m.OperationId.StartsWith("topup-", StringComparison.Ordinal)));
        Assert.Equal(1 + TopUps + 2 * Children * TapDays.Length, account.Movements.Count);
        Assert.Equal(Opening + TopUps * 1000 - Children * TapDays.Length * (Meal + MorningCare), account.BalanceCents);

        foreach (var day in TapDays)
        {
            var schoolDay = fixture.Grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(commune.SchoolId, day));
            Assert.Equal(Children, await schoolDay.GetMealCount());
        }
        Assert.All(reservationResults, r => Assert.True(r.Result.Applied));
        foreach (var childId in childIds)
        {
            var child = fixture.Grains.GetGrain<IChildGrain>(childId);
            Assert.Equal(TapDays.Length * 5, (await child.GetTapsBetween(TapDays[0], TapDays[^1])).Count);
            var reserved = (await child.GetCalendar(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 9))).Cells
                .Where(c => c.Reserved).Select(c => (c.Day.Day, c.Service));
            Assert.Equal(
                [(3, SchoolService.Canteen), (3, SchoolService.EveningCare), (4, SchoolService.EveningCare), (8, SchoolService.Canteen), (9, SchoolService.WednesdayCare)],
                reserved);
        }
    }

    private static async Task Remember(List<Task<ReservationResult>> results, Task<ReservationResult> result)
    {
        lock (results) results.Add(result);
        await result;
    }
}
