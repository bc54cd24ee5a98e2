using System.Runtime.CompilerServices;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers.Polling;

/// <summary>
/// Drives a reader chip that must be asked (MFRC522, PN532): connect, ask at each poll interval,
/// and when anything throws — I/O error, chip unplugged, binding confused — report it in
/// <see cref="Status"/>, drop the chip, wait (doubling) and connect again from nothing. The box
/// never stops for a reader. A card left on the reader is reported at every poll: the debounce
/// downstream makes it one tap.
/// </summary>
internal sealed class PolledCardReader(
    string name,
    Func<ICardChip> connect,
    ReaderOptions options,
    TimeProvider time,
    ILogger logger) : ICardReader
{
    private volatile string _status = ReaderStatus.Starting;

    public string Name => name;

    public string Status => _status;

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var retry = new RetryDelay(TimeSpan.FromSeconds(options.RetryFirstSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds));
        ICardChip? chip = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var polled = chip is null ? await ConnectAsync() : await PollAsync(chip);
                if (polled.Chip is { } connected)
                {
                    chip = connected;
                    continue; // poll at once: a card already on the reader is read without waiting
                }
                if (polled.Failure is { } failure)
                {
                    Drop(ref chip);
                    var wait = retry.Next();
                    Report(ReaderStatus.Error(failure));
                    logger.LogWarning("{Reader} : {Failure} ; nouvel essai dans {Delay} s.", name, failure, wait.TotalSeconds);
                    if (!await WaitAsync(wait, cancellationToken)) break;
                    continue;
                }
                retry.Reset();
                if (polled.Uid is { } uid)
                    yield return new CardRead(Convert.ToHexString(uid), time.GetUtcNow());
                if (!await WaitAsync(options.PollInterval, cancellationToken)) break;
            }
        }
        finally
        {
            Drop(ref chip);
        }
    }

    private async Task<Polled> ConnectAsync()
    {
        try
        {
            var chip = await Task.Run(connect);
            if (_status != ReaderStatus.Ok)
                logger.LogInformation("{Reader} : lecteur connecté, en attente de cartes.", name);
            Report(ReaderStatus.Ok);
            return new Polled(chip, null, null);
        }
        catch (Exception ex)
        {
            return new Polled(null, null, $"connexion impossible : {ex.Message}");
        }
    }

    private static async Task<Polled> PollAsync(ICardChip chip)
    {
        try
        {
            return new Polled(null, await Task.Run(chip.FindCard), null);
        }
        catch (Exception ex)
        {
            return new Polled(null, null, $"lecture interrompue : {ex.Message}");
        }
    }

    private void Report(string status) => _status = status;

    // A chip that failed may fail again while being put to sleep; that must not stop the retry.
    private void Drop(ref ICardChip? chip)
    {
        if (chip is null) return;
        try
        {
            chip.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "{Reader} : fermeture du lecteur incomplète.", name);
        }
        chip = null;
    }

    // Ends the reads quietly on cancellation: a stopping box is not an error.
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record Polled(ICardChip? Chip, byte[]? Uid, string? Failure);
}
