using System.Runtime.CompilerServices;
using CarteValoise.Edge.Taps;
using CarteValoise.Readers;

namespace CarteValoise.Edge.Tests.Taps;

/// <summary>What the heartbeat (and /Admin) says of the reader.</summary>
public class ReaderHealthTests
{
    private sealed class Reader : ICardReader
    {
        public string Name => "lecteur MFRC522 (SPI 0.0, RST GPIO 25)";
        public string Status { get; set; } = ReaderStatus.Starting;

        public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }
    }

    [Fact]
    public void The_status_follows_the_reader_s_own_word_and_the_loop_s()
    {
        var health = new ReaderHealth();
        var reader = new Reader();
        Assert.Equal("démarrage", health.Status);

        health.Reading(reader);
        Assert.Equal("démarrage (lecteur MFRC522 (SPI 0.0, RST GPIO 25))", health.Status);
        reader.Status = ReaderStatus.Ok;
        Assert.Equal("en service (lecteur MFRC522 (SPI 0.0, RST GPIO 25))", health.Status);
        reader.Status = ReaderStatus.Error("la puce ne répond pas (version 0x00)");
        Assert.Equal("en panne (lecteur MFRC522 (SPI 0.0, RST GPIO 25)) : la puce ne répond pas (version 0x00)", health.Status);

        health.Failed(reader, "le lecteur a cessé d'envoyer des lectures");
        Assert.Equal("en panne (lecteur MFRC522 (SPI 0.0, RST GPIO 25)) : le lecteur a cessé d'envoyer des lectures", health.Status);
        reader.Status = ReaderStatus.Ok;
        health.Reading(reader);
        Assert.Equal("en service (lecteur MFRC522 (SPI 0.0, RST GPIO 25))", health.Status);
    }
}
