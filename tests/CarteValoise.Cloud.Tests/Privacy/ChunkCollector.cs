using CarteValoise.Contracts.PersonalData;
using Grpc.Core;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>The chunks of the archive as the service streams them.</summary>
public sealed class ChunkCollector : IServerStreamWriter<MyDataChunk>
{
    public List<MyDataChunk> Chunks { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    public byte[] Archive => [.. Chunks.SelectMany(c => c.Content.ToByteArray())];

    public Task WriteAsync(MyDataChunk message)
    {
        Chunks.Add(message);
        return Task.CompletedTask;
    }
}
