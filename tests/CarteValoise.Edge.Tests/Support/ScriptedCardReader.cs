using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CarteValoise.Readers;

namespace CarteValoise.Edge.Tests.Support;

/// <summary>A reader the test drives: each <see cref="Present"/> is one read.</summary>
public sealed class ScriptedCardReader : ICardReader
{
    private readonly Channel<CardRead> _reads = Channel.CreateUnbounded<CardRead>();

    public string Name => "lecteur de test";

    public void Present(string rawUid, DateTimeOffset at) => _reads.Writer.TryWrite(new CardRead(rawUid, at));

    public void Unplug() => _reads.Writer.TryComplete();

    public async IAsyncEnumerable<CardRead> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var read in _reads.Reader.ReadAllAsync(cancellationToken)) yield return read;
    }
}
