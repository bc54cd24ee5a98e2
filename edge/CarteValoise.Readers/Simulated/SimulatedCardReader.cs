using System.Runtime.CompilerServices;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers.Simulated;

/// <summary>
/// A reader that taps cards by itself at a steady rate, for demos, the load simulator and tests.
/// It cycles through the configured UIDs (sent raw, so malformed ones exercise validation) or,
/// when none are configured, through the cards of the box's current roster — read afresh at each
/// tick, so a roster that arrives later is picked up. Pacing comes from the TimeProvider.
/// </summary>
public sealed class SimulatedCardReader(
    SimulatedReaderOptions options,
    IKnownCards knownCards,
    TimeProvider time,
    ILogger<SimulatedCardReader> logger) : ICardReader
{
    public string Name => "lecteur simulé";

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (options.TapsPerSecond <= 0 || double.IsNaN(options.TapsPerSecond))
            throw new InvalidOperationException($"Reader:Simulated:TapsPerSecond doit être positif (valeur : {options.TapsPerSecond}).");

        var interval = TimeSpan.FromSeconds(1 / options.TapsPerSecond);
        using var timer = new PeriodicTimer(interval, time);
        var next = 0;
        var saidNothingToTap = false;
        while (await WaitForTickAsync(timer, cancellationToken))
        {
            var cards = options.CardUids is { Length: > 0 } configured ? configured : knownCards.CardUids;
            if (cards.Count == 0)
            {
                if (!saidNothingToTap)
                    logger.LogInformation("Lecteur simulé : aucune carte à présenter (ni Reader:Simulated:CardUids ni liste de la cantine) ; en attente.");
                saidNothingToTap = true;
                continue;
            }
            saidNothingToTap = false;
            var uid = cards[next++ % cards.Count];
            yield return new CardRead(uid, time.GetUtcNow());
        }
    }

    // Ends the stream quietly on cancellation: a stopping box is not an error.
    private static async ValueTask<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
