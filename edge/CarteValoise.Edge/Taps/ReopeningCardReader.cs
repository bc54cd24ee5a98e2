using System.Runtime.CompilerServices;
using CarteValoise.Readers;

namespace CarteValoise.Edge.Taps;

/// <summary>
/// Opens the configured reader when reading starts, and again after it failed: a reader whose
/// SPI bus or USB device is missing at boot (or unplugged later) is a reader "en panne" that the
/// <see cref="ReaderLoop"/> retries, not a box that refuses to start — the uplink still drains the
/// outbox and the heartbeat tells the cloud the reader is down.
/// </summary>
public sealed class ReopeningCardReader(string kind, Func<ICardReader> open) : ICardReader, IDisposable
{
    private ICardReader? _reader;

    public string Name => _reader?.Name ?? $"lecteur {kind}";

    public string Status => _reader?.Status ?? ReaderStatus.Starting;

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _reader ??= open();
        try
        {
            await foreach (var read in _reader.ReadAsync(cancellationToken).WithCancellation(cancellationToken))
                yield return read;
        }
        finally
        {
            // A reader that threw (or stopped) may hold a half-initialised chip: open it afresh next time.
            if (!cancellationToken.IsCancellationRequested) Close();
        }
    }

    private void Close()
    {
        (_reader as IDisposable)?.Dispose();
        _reader = null;
    }

    public void Dispose() => Close();
}
