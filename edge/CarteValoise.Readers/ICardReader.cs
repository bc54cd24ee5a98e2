namespace CarteValoise.Readers;

/// <summary>
/// A card reader of the box: simulated, MFRC522, PN532 or a USB keyboard wedge, behind one
/// contract. Reads are raw — validation and debouncing happen downstream
/// (<see cref="Taps.CardTaps"/>), the same way for every kind of reader.
/// </summary>
public interface ICardReader
{
    /// <summary>Short human name for logs and the heartbeat ("lecteur simulé", "lecteur MFRC522 (SPI 0.0, RST GPIO 25)"…).</summary>
    string Name { get; }

    /// <summary>
    /// How the reader is doing, for the heartbeat: "ok", "démarrage", or "erreur: …" with what
    /// failed. The hardware readers retry by themselves, so a failure shows here, not as an exception.
    /// </summary>
    string Status => ReaderStatus.Ok;

    /// <summary>Every read until cancelled, then the sequence ends quietly.</summary>
    IAsyncEnumerable<CardRead> ReadAsync(CancellationToken cancellationToken);
}
