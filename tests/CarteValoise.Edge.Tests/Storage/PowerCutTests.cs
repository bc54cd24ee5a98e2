using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Taps;
using Xunit.Abstractions;

namespace CarteValoise.Edge.Tests.Storage;

/// <summary>
/// The power goes off at the canteen, at every moment of a lunch service: after the 1st disk
/// operation, the 2nd, … up to the last. Each time, what was not flushed is lost, the box reboots
/// and reopens its file. Every tap that had its feedback must be there, unless the cloud had
/// acknowledged it; every child served must still be "already served"; numbering must go on
/// above every number the box showed.
/// </summary>
public class PowerCutTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Noon = new(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private const int Rounds = 20;
    private const int TapsPerRound = 3;

    // Six children, one of them blocked, and one card nobody holds.
    private static readonly string[] Cards = ["04A1B2C1", "04A1B2C2", "04A1B2C3", "04A1B2C4", "04A1B2C5", "04A1B2C6", "04FFFFFF"];

    private sealed record Shown(long Sequence, string CardUid, DateTimeOffset ReadAt, Decision Decision);

    private sealed record AtTheCut(IReadOnlyList<Shown> Shown, long HighestAckAsked);

    private sealed record Lunch(PowerCutDisk Disk, PowerCutFile Data, PowerCutFile Log, AtTheCut AtTheCut);

    private static async Task<Lunch> ServeLunchAsync(int cutAfter)
    {
        var disk = new PowerCutDisk(cutAfter);
        var data = disk.NewFile();
        var log = disk.NewFile();
        var gate = new Lock();
        var taps = new List<Task<RecordedTap>>();
        var acks = new List<long>();
        AtTheCut? atTheCut = null;
        AtTheCut Now()
        {
            lock (gate)
            {
                return new AtTheCut(
                    taps.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).Select(t => new Shown(t.Sequence, t.CardUid, t.ReadAt, t.Decision)).ToList(),
                    acks.DefaultIfEmpty(0).Max());
            }
        }
        disk.PowerWentOff = () => atTheCut = Now();

        // Checkpoints every 8 log pages, so that cuts fall inside them too.
        var store = new BoxStore(data, log, new ListLogger<BoxStore>(), TimeSpan.Zero, checkpointPages: 8);
        try
        {
            await new RosterCache(store).ApplyAsync(new RosterUpdate(1, true,
                Cards[..6].Select((uid, i) => new RosterChild(uid, $"child-{i}", $"Enfant {i}", CanteenToday: i != 4, AllergyPlan: i == 1, Blocked: i == 5)).ToList(),
                [], "École Jules Ferry", new DateOnly(2025, 4, 1)));
            var outbox = new TapOutbox(store);
            var recorder = new TapRecorder(store, outbox);
            var n = 0;
            for (var round = 0; round < Rounds; round++)
            {
                var group = new List<Task<RecordedTap>>();
                lock (gate)
                {
                    for (var i = 0; i < TapsPerRound; i++, n++)
                        group.Add(recorder.RecordAsync(new CardTap(Cards[n % Cards.Length], Noon.AddSeconds(n))));
                    taps.AddRange(group);
                }
                var recorded = await Task.WhenAll(group);
                if (round % 4 == 3)
                {
                    var through = recorded.Max(t => t.Sequence) - 2; // the cloud is a little behind
                    lock (gate) acks.Add(through);
                    await outbox.DeleteThroughAsync(through);
                }
            }
        }
        finally
        {
            store.Dispose(); // LiteDB's checkpoint at close: more operations where the power can go
        }
        return new Lunch(disk, data, log, atTheCut ?? Now());
    }

    [Fact]
    public async Task Whenever_the_power_goes_every_tap_that_got_its_feedback_is_found_after_the_reboot()
    {
        var whole = await ServeLunchAsync(int.MaxValue);
        var operations = whole.Disk.Operations;
        Assert.Equal(Rounds * TapsPerRound, whole.AtTheCut.Shown.Count);

        // How a group commit falls varies a little from run to run, so the count of operations too:
        // a cut point past the end of a shorter run is no cut, and is not counted.
        var checkedCuts = 0;
        var tapsChecked = 0;
        for (var cutAfter = 0; cutAfter < operations; cutAfter++)
        {
            var lunch = await ServeLunchAsync(cutAfter);
            if (!lunch.Disk.IsOff) continue;
            await RebootAndCheckAsync(cutAfter, "ce qui était vidé sur le disque", lunch.Data.DurableImage, lunch.Log.DurableImage, lunch.AtTheCut);
            await RebootAndCheckAsync(cutAfter, "tout ce qui était écrit", lunch.Data.CacheImageAtCut, lunch.Log.CacheImageAtCut, lunch.AtTheCut);
            checkedCuts++;
            tapsChecked += lunch.AtTheCut.Shown.Count;
        }

        Assert.True(checkedCuts >= 200, $"au moins 200 points de coupure, {checkedCuts} seulement ({operations} opérations disque)");
        output.WriteLine($"{checkedCuts} coupures de courant, une après chaque opération disque d'un service de {Rounds * TapsPerRound} passages "
            + $"({operations} opérations), {tapsChecked} passages montrés puis retrouvés ou acquittés.");
    }

    private static async Task RebootAndCheckAsync(int cutAfter, string kept, byte[] dataImage, byte[] logImage, AtTheCut atTheCut)
    {
        var where = $"coupure après {cutAfter} opérations ({kept})";
        try
        {
            await RebootAndCheckCoreAsync(where, dataImage, logImage, atTheCut);
        }
        catch (LiteDB.LiteException ex)
        {
            throw new Xunit.Sdk.XunitException($"{where} : la base est abîmée ({ex.Message})");
        }
    }

    private static async Task RebootAndCheckCoreAsync(string where, byte[] dataImage, byte[] logImage, AtTheCut atTheCut)
    {
        BoxStore reopened;
        try
        {
            reopened = new BoxStore(PowerCutFile.Reopen(dataImage), PowerCutFile.Reopen(logImage), new ListLogger<BoxStore>(), TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"{where} : le fichier ne s'ouvre plus ({ex.Message})");
        }
        using (reopened)
        {
            var outbox = new TapOutbox(reopened);
            var pending = await outbox.ReadPendingAsync(0, 10_000);
            var bySequence = pending.ToDictionary(t => t.Sequence);

            foreach (var shown in atTheCut.Shown.Where(s => s.Sequence > atTheCut.HighestAckAsked))
            {
                Assert.True(bySequence.TryGetValue(shown.Sequence, out var found), $"{where} : le passage n° {shown.Sequence} montré à l'enfant a disparu");
                Assert.Equal(new OutboxTap(shown.Sequence, shown.CardUid, shown.ReadAt, shown.Decision, TapService.Canteen), found);
            }
            if (pending.Count > 0)
                Assert.Equal(Enumerable.Range((int)pending[0].Sequence, pending.Count).Select(i => (long)i), pending.Select(t => t.Sequence));

            // The numbering goes on above everything shown or kept: the cloud never sees a number twice.
            var highestShown = atTheCut.Shown.Select(s => s.Sequence).DefaultIfEmpty(0).Max();
            var recorder = new TapRecorder(reopened, outbox);
            var next = await recorder.RecordAsync(new CardTap("04FFFFFF", Noon.AddMinutes(30)));
            Assert.True(next.Sequence > highestShown && next.Sequence > pending.Select(t => t.Sequence).DefaultIfEmpty(0).Max(),
                $"{where} : le passage suivant porte le n° {next.Sequence}, déjà montré ou gardé");

            // A child who was told "bon appétit" is not fed twice after the reboot.
            foreach (var served in atTheCut.Shown.Where(s => s.Decision == Decision.Accepted).Select(s => s.CardUid).Distinct())
            {
                var again = await recorder.RecordAsync(new CardTap(served, Noon.AddMinutes(31)));
                Assert.True(again.Decision == Decision.AlreadyServed, $"{where} : la carte {served} servie avant la coupure est {again.Decision} après");
            }
        }
    }
}
