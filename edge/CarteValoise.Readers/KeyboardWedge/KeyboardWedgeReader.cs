using System.Runtime.CompilerServices;
using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.Polling;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Readers.KeyboardWedge;

/// <summary>
/// A USB reader that types the UID then Enter as a keyboard, read straight from its Linux input
/// device rather than from a terminal: no console needs focus, and with <c>Grab</c> the digits
/// reach no one else. A device that vanishes (unplugged, USB reset) is reported in
/// <see cref="Status"/> and opened again with a doubling wait; an end of file (a file or a pipe
/// standing in for the device) only means nothing was typed yet.
/// </summary>
internal sealed class KeyboardWedgeReader(
    KeyboardWedgeOptions wedge,
    ReaderOptions options,
    TimeProvider time,
    ILogger logger,
    int recordSize) : ICardReader
{
    private volatile string _status = ReaderStatus.Starting;

    public KeyboardWedgeReader(KeyboardWedgeOptions wedge, ReaderOptions options, TimeProvider time, ILogger logger)
        : this(wedge, options, time, logger, InputEvent.RecordSize)
    {
    }

    public string Name => $"lecteur clavier USB ({wedge.DevicePath})";

    public string Status => _status;

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var retry = new RetryDelay(TimeSpan.FromSeconds(options.RetryFirstSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            var (device, failure) = Open();
            if (device is null)
            {
                if (!await RetryLaterAsync(failure!, retry, cancellationToken)) yield break;
                continue;
            }
            using (device)
            {
                _status = ReaderStatus.Ok;
                logger.LogInformation("{Reader} : ouvert, en attente de cartes.", Name);
                var lines = new TypedLines();
                var buffer = new byte[recordSize * 64];
                var held = 0; // bytes of a record not yet complete
                while (true)
                {
                    var (read, error) = await ReadSomeAsync(device, buffer.AsMemory(held), cancellationToken);
                    if (read < 0)
                    {
                        if (cancellationToken.IsCancellationRequested) yield break;
                        failure = error;
                        break;
                    }
                    if (read == 0)
                    {
                        if (!await WaitAsync(options.PollInterval, cancellationToken)) yield break;
                        continue;
                    }
                    retry.Reset();
                    held += read;
                    var whole = held - held % recordSize;
                    for (var at = 0; at < whole; at += recordSize)
                    {
                        if (lines.Take(InputEvent.Parse(buffer.AsSpan(at, recordSize))) is { } typed)
                            yield return new CardRead(WedgeUid.FromTyped(typed, wedge.Format, wedge.ByteOrder), time.GetUtcNow());
                    }
                    buffer.AsSpan(whole, held - whole).CopyTo(buffer);
                    held -= whole;
                }
            }
            if (!await RetryLaterAsync(failure!, retry, cancellationToken)) yield break;
        }
    }

    private (FileStream? Device, string? Failure) Open()
    {
        FileStream? device = null;
        try
        {
            // No buffering: an input device hands over whole records, and only as many as asked for.
            device = new FileStream(wedge.DevicePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            if (wedge.Grab && !InputDeviceGrab.TryGrab(device.SafeFileHandle, out var errno))
                logger.LogWarning("{Reader} : impossible de réserver le périphérique (EVIOCGRAB, errno {Errno}) ; ce que tape le lecteur peut aussi arriver à une console.", Name, errno);
            return (device, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            device?.Dispose();
            return (null, $"ouverture de {wedge.DevicePath} impossible : {ex.Message}");
        }
    }

    // -1 with the reason when the device failed or the box is stopping.
    private static async Task<(int Read, string? Failure)> ReadSomeAsync(FileStream device, Memory<byte> into, CancellationToken cancellationToken)
    {
        try
        {
            // A read from an input device blocks until a key; stopping must not wait for a child's card.
            return (await device.ReadAsync(into, cancellationToken).AsTask().WaitAsync(cancellationToken), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (-1, null);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return (-1, $"lecture interrompue : {ex.Message}");
        }
    }

    private async Task<bool> RetryLaterAsync(string failure, RetryDelay retry, CancellationToken cancellationToken)
    {
        var wait = retry.Next();
        _status = ReaderStatus.Error(failure);
        logger.LogWarning("{Reader} : {Failure} ; nouvel essai dans {Delay} s.", Name, failure, wait.TotalSeconds);
        return await WaitAsync(wait, cancellationToken);
    }

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
}
