namespace CarteValoise.Readers;

/// <summary>
/// A card reader of the box: simulated today; MFRC522, PN532 and USB keyboard-wedge drivers
/// implement the same contract. Reads are raw — validation and debouncing happen downstream
/// (<see cref="Taps.CardTaps"/>), the same way for every kind of reader.
/// </summary>
public interface ICardReader
{
    /// <summary>Short human name for logs and the heartbeat ("simulé", "MFRC522 SPI 0.0"…).</summary>
    string Name { get; }

    /// <summary>Every read until cancelled. A reader that loses its hardware throws; the box restarts it.</summary>
    IAsyncEnumerable<CardRead> ReadAsync(CancellationToken cancellationToken);
}
