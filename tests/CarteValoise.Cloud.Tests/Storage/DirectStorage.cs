using CarteValoise.Cloud.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>A <see cref="LiteDbGrainStorage"/> without a silo, for tests that talk to the provider itself.</summary>
internal static class DirectStorage
{
    public const string Name = "direct";

    public static async Task<LiteDbGrainStorage> OpenAsync(string filePath)
    {
        var options = new LiteDbGrainStorageOptions { FilePath = filePath, GrainStorageSerializer = new TestJsonSerializer() };
        var storage = new LiteDbGrainStorage(Name, options, new NewInstances(), NullLogger<LiteDbGrainStorage>.Instance);
        await storage.OpenAsync(CancellationToken.None);
        return storage;
    }

    private sealed class NewInstances : IActivatorProvider
    {
        public IActivator<T> GetActivator<T>() => new NewInstance<T>();

        private sealed class NewInstance<T> : IActivator<T>
        {
            public T Create() => Activator.CreateInstance<T>();
        }
    }
}

/// <summary>Plain System.Text.Json, so that direct tests need no silo.</summary>
internal sealed class TestJsonSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>()!;
}

/// <summary>The state the direct tests store.</summary>
public sealed class Note
{
    public string Text { get; set; } = "";
}
