using System.Threading.Channels;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Output;
using CarteValoise.Readers;
using CarteValoise.Readers.Taps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Taps;

/// <summary>
/// reader -> validation and debounce -> decision and outbox (on disk) -> TAP line and feedback.
/// Taps are handed to the store without waiting for the previous one to reach the disk, so
/// taps arriving together share one fsync; feedback still follows the order of the taps.
/// A reader that fails is restarted: the box keeps serving.
/// </summary>
public sealed class ReaderLoop(
    BoxOptions box,
    ICardReader reader,
    TapRecorder recorder,
    IFeedback feedback,
    BoxOutput output,
    ReaderHealth health,
    TimeProvider time,
    ILogger<ReaderLoop> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recording = Channel.CreateBounded<(CardTap Tap, Task<RecordedTap> Written)>(
            new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        var answering = AnswerAsync(recording.Reader);
        var debounce = TimeSpan.FromSeconds(box.DebounceSeconds);
        var announced = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var taps = CardTaps.From(reader, debounce, logger, stoppingToken);
                    health.Reading(reader);
                    if (!announced)
                    {
                        logger.LogInformation("Box {BoxId} prête : {Reader}, anti-rebond {Debounce} s.", box.Id, reader.Name, box.DebounceSeconds);
                        output.Ready(box.Id);
                        announced = true;
                    }
                    await foreach (var tap in taps)
                    {
                        health.Read(tap.ReadAt);
                        await recording.Writer.WriteAsync((tap, recorder.RecordAsync(tap)), stoppingToken);
                    }
                    if (stoppingToken.IsCancellationRequested) break;
                    throw new InvalidOperationException("le lecteur a cessé d'envoyer des lectures");
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    health.Failed(reader, ex.Message);
                    logger.LogError(ex, "Le {Reader} s'est arrêté ; redémarrage dans {Delay} s.", reader.Name, RestartDelay.TotalSeconds);
                    try
                    {
                        await Task.Delay(RestartDelay, time, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            recording.Writer.TryComplete();
            // Taps already handed to the store still get their line and feedback before the box stops.
            await answering;
        }
    }

    private async Task AnswerAsync(ChannelReader<(CardTap Tap, Task<RecordedTap> Written)> recorded)
    {
        await foreach (var (tap, written) in recorded.ReadAllAsync())
        {
            RecordedTap done;
            try
            {
                done = await written;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Passage de la carte {CardUid} non enregistré sur le disque.", tap.CardUid);
                feedback.ShowNotRecorded(tap);
                continue;
            }
            try
            {
                output.Tap(done);
                feedback.Show(done);
            }
            catch (Exception ex)
            {
                // A broken LED or display must not stop the canteen: the tap is on disk already.
                logger.LogError(ex, "Retour au lecteur impossible pour le passage n° {Sequence}.", done.Sequence);
            }
        }
    }
}
