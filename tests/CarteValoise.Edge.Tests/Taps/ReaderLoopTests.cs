using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Taps;
using CarteValoise.Edge.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Taps;

/// <summary>From the reader to the lines on the console, as the box runs.</summary>
public class ReaderLoopTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_box_says_it_is_ready_then_prints_each_tap_once_on_disk_and_the_staff_line_after_it()
    {
        using var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());
        var outbox = new TapOutbox(store);
        var roster = new RosterCache(store);
        await roster.ApplyAsync(new RosterUpdate(1, true,
            [new RosterChild("04D4E5F6", "child-hugo", "Hugo", CanteenToday: true, AllergyPlan: true, Blocked: false)],
            [], "École Jules Ferry", new DateOnly(2025, 4, 1)));
        var console = new StringWriter();
        var output = new BoxOutput(console);
        var lines = new LineWatcher(output);
        var reader = new ScriptedCardReader();
        var loop = new ReaderLoop(
            new BoxOptions { Id = "box-ferry-1", DebounceSeconds = 2 },
            reader,
            new TapRecorder(store, outbox),
            new ConsoleFeedback(console),
            output,
            new ReaderHealth(),
            TimeProvider.System,
            new ListLogger<ReaderLoop>());

        await loop.StartAsync(CancellationToken.None);
        await lines.WaitForAsync("BOX READY box=box-ferry-1");
        var noon = new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero);
        reader.Present("04:d4:e5:f6", noon);
        reader.Present("04D4E5F6", noon.AddSeconds(1));   // still on the reader
        reader.Present("pas une carte", noon.AddSeconds(2));
        reader.Present("04A1B2C3", noon.AddSeconds(3));
        reader.Present("04D4E5F6", noon.AddSeconds(10));
        await lines.WaitForAsync("TAP seq=3 uid=04D4E5F6 at=2025-04-01T10:00:10.0000000+00:00 decision=AlreadyServed child=Hugo alert=PAI");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(
            [
                "BOX READY box=box-ferry-1",
                "TAP seq=1 uid=04D4E5F6 at=2025-04-01T10:00:00.0000000+00:00 decision=Accepted child=Hugo alert=PAI",
                "[OK] Bon appétit Hugo ! ATTENTION : PAI (allergie), vérifier le plateau.",
                "TAP seq=2 uid=04A1B2C3 at=2025-04-01T10:00:03.0000000+00:00 decision=UnknownCard",
                "[REFUS] Carte inconnue (04A1B2C3).",
                "TAP seq=3 uid=04D4E5F6 at=2025-04-01T10:00:10.0000000+00:00 decision=AlreadyServed child=Hugo alert=PAI",
                "[REFUS] Hugo a déjà pris son repas aujourd'hui. ATTENTION : PAI (allergie), vérifier le plateau.",
            ],
            console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, (await outbox.StateAsync()).Depth);
    }

    [Fact]
    public async Task A_reader_missing_at_boot_is_said_down_retried_and_serves_once_it_is_there()
    {
        using var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());
        var outbox = new TapOutbox(store);
        var output = new BoxOutput(new StringWriter());
        var lines = new LineWatcher(output);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 10, 0, 0, TimeSpan.Zero));
        var health = new ReaderHealth();
        var log = new ListLogger<ReaderLoop>();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        log.Logged += (level, _) =>
        {
            if (level == LogLevel.Error) failed.TrySetResult();
        };
        var scripted = new ScriptedCardReader();
        var opened = 0;
        var reader = new ReopeningCardReader("Mfrc522", () => ++opened == 1 ? throw new IOException("/dev/spidev0.0 introuvable (SPI désactivé ?)") : scripted);
        var loop = new ReaderLoop(new BoxOptions { Id = "box-ferry-1" }, reader, new TapRecorder(store, outbox),
            new ConsoleFeedback(TextWriter.Null), output, health, time, log);

        await loop.StartAsync(CancellationToken.None);
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("en panne (lecteur Mfrc522) : /dev/spidev0.0 introuvable (SPI désactivé ?)", health.Status);
        Assert.Equal("Le lecteur Mfrc522 s'est arrêté ; redémarrage dans 5 s.", log.Entries.Single(e => e.Level == LogLevel.Error).Message);

        time.Advance(TimeSpan.FromSeconds(5));
        scripted.Present("04A1B2C3", time.GetUtcNow());
        await lines.WaitForAsync("TAP seq=1 uid=04A1B2C3 at=2025-04-01T10:00:05.0000000+00:00 decision=UnknownCard");
        await loop.StopAsync(CancellationToken.None);

        Assert.Equal(2, opened);
        Assert.Equal("en service (lecteur de test)", health.Status);
    }
}
