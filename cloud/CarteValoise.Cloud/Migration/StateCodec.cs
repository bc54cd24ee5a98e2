using Orleans.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// Reads, writes and (de)serializes a grain state whose type is known only at run time: the
/// serializer and the grain storage are generic in it, so each state type gets its own codec.
/// </summary>
internal abstract class StateCodec
{
    public static StateCodec For(Type stateType, IGrainStorageSerializer serializer) =>
        (StateCodec)Activator.CreateInstance(typeof(StateCodec<>).MakeGenericType(stateType), serializer)!;

    public abstract object Deserialize(byte[] data);

    public abstract byte[] Serialize(object state);

    /// <summary>Writes a state that has no record yet, as a grain's first write does (no ETag).</summary>
    public abstract Task WriteNewAsync(IGrainStorage storage, string stateName, GrainId grain, object state);

    /// <summary>The state as a grain activating now would read it; null when there is no record.</summary>
    public abstract Task<object?> ReadAsync(IGrainStorage storage, string stateName, GrainId grain);
}

internal sealed class StateCodec<T>(IGrainStorageSerializer serializer) : StateCodec where T : notnull
{
    public override object Deserialize(byte[] data) =>
        serializer.Deserialize<T>(new BinaryData(data)) ?? throw new InvalidDataException($"Ces octets ne donnent pas de {typeof(T).Name}.");

    public override byte[] Serialize(object state) => serializer.Serialize((T)state).ToArray();

    public override Task WriteNewAsync(IGrainStorage storage, string stateName, GrainId grain, object state) =>
        storage.WriteStateAsync(stateName, grain, new GrainState<T>((T)state));

    public override async Task<object?> ReadAsync(IGrainStorage storage, string stateName, GrainId grain)
    {
        var state = new GrainState<T>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state.RecordExists ? state.State : null;
    }
}
