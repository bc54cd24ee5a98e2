using System.Runtime.CompilerServices;
using CarteValoise.Readers.Cards;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers.Taps;

/// <summary>
/// Turns any reader's raw reads into taps: a malformed UID is logged and dropped (a flaky reader
/// or a wedge typing garbage must never take the box down), then repeats are debounced on the
/// normalised UID, so "04:a2:…" and "04A2…" are the same card.
/// </summary>
public static class CardTaps
{
    public static async IAsyncEnumerable<CardTap> From(
        ICardReader reader,
        TimeSpan debounceWindow,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var debouncer = new Debouncer(debounceWindow);
        await foreach (var read in reader.ReadAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            if (!CardUidRule.TryNormalise(read.RawUid, out var uid))
            {
                logger.LogWarning("Lecture ignorée : identifiant de carte invalide « {RawUid} » venu du {Reader} (attendu : 4, 7 ou 10 octets en hexadécimal).",
                    read.RawUid, reader.Name);
                continue;
            }
            if (!debouncer.IsNewTap(uid, read.ReadAt))
            {
                logger.LogDebug("Carte {CardUid} relue dans la fenêtre de {Window} : même passage.", uid, debounceWindow);
                continue;
            }
            yield return new CardTap(uid, read.ReadAt);
        }
    }
}
