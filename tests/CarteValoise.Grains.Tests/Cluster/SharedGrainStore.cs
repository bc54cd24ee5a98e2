using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CarteValoise.Grains.Tests.Cluster;

/// <summary>
/// The database of a test cluster: shared by its silos and outliving any of them, as PostgreSQL does
/// (Orleans' memory storage lives in grains and dies with its silo). States are kept serialized, so an
/// activation never shares an object with the store; ETags are versions, a stale one is refused. A
/// silo can be unplugged (its writes fail from then on, as a crashed process's do) and a grain's
/// next write made to fail once.
/// </summary>
public sealed class SharedGrainStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string State, GrainId Grain), Row> _rows = [];
    private readonly Dictionary<GrainId, int> _writes = [];
    private readonly HashSet<GrainId> _failNextWrite = [];
    private readonly HashSet<SiloAddress> _unplugged = [];
    private long _version;

    private sealed record Row(byte[] Data, string ETag);

    /// <summary>The storage a silo registers: the shared rows, seen from that silo.</summary>
    public IGrainStorage For(IServiceProvider silo) =>
        new SiloView(this, silo.GetRequiredService<Serializer>(), silo.GetRequiredService<ILocalSiloDetails>().SiloAddress);

    /// <summary>From now on every write from <paramref name="silo"/> fails: nothing it still holds in memory reaches the store.</summary>
    public void Unplug(SiloAddress silo)
    {
        lock (_gate) _unplugged.Add(silo);
    }

    /// <summary>The next write of <paramref name="grain"/>'s state fails, and the store keeps what it had.</summary>
    public void FailNextWrite(GrainId grain)
    {
        lock (_gate) _failNextWrite.Add(grain);
    }

    /// <summary>Writes that reached the store, per grain.</summary>
    public IReadOnlyDictionary<GrainId, int> Writes()
    {
        lock (_gate) return new Dictionary<GrainId, int>(_writes);
    }

    /// <summary>What the store holds for a grain's state (null: never written), read back as a new activation would.</summary>
    public T? Persisted<T>(string stateName, GrainId grain, Serializer serializer)
    {
        byte[]? data;
        lock (_gate) data = _rows.TryGetValue((stateName, grain), out var row) ? row.Data : null;
        return data is null ? default : serializer.Deserialize<T>(data);
    }

    private void Read<T>(string stateName, GrainId grain, IGrainState<T> state, Serializer serializer)
    {
        Row? row;
        lock (_gate) _rows.TryGetValue((stateName, grain), out row);
        state.State = row is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(row.Data);
        state.ETag = row?.ETag;
        state.RecordExists = row is not null;
    }

    private void Write<T>(string stateName, GrainId grain, IGrainState<T> state, Serializer serializer, SiloAddress from)
    {
        var data = serializer.SerializeToArray(state.State);
        lock (_gate)
        {
            if (_unplugged.Contains(from)) throw new IOException($"Le silo {from} est tombé : son écriture de {grain} n'arrive pas.");
            if (_failNextWrite.Remove(grain)) throw new IOException($"Panne simulée à l'écriture de {grain}.");
            var stored = _rows.TryGetValue((stateName, grain), out var row) ? row.ETag : null;
            if (stored != state.ETag)
                throw new InconsistentStateException($"{grain} : version {state.ETag ?? "(aucune)"} écrite sur la version {stored ?? "(aucune)"}.", stored ?? "", state.ETag ?? "");
            var etag = (++_version).ToString();
            _rows[(stateName, grain)] = new Row(data, etag);
            _writes[grain] = _writes.GetValueOrDefault(grain) + 1;
            state.ETag = etag;
            state.RecordExists = true;
        }
    }

    private sealed class SiloView(SharedGrainStore store, Serializer serializer, SiloAddress silo) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            store.Read(stateName, grainId, grainState, serializer);
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            store.Write(stateName, grainId, grainState, serializer, silo);
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new NotSupportedException("Les grains de CarteValoise n'effacent pas leur état.");
    }
}
