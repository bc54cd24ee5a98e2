using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace CarteValoise.Cloud.Storage;

/// <summary>
/// Grain state in one LiteDB file. A write is reported done only once it is on stable storage; a
/// write or clear whose ETag is not the stored one fails with <see cref="InconsistentStateException"/>.
/// </summary>
/// <remarks>
/// ETags are version numbers ("1", "2"…). Clearing keeps a record without data and moves its
/// version on, so an activation holding an ETag from before the clear still conflicts.
/// </remarks>
public sealed class LiteDbGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly string _name;
    private readonly LiteDbGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<LiteDbGrainStorage> _logger;
    private readonly SemaphoreSlim _openClose = new(1, 1);
    private Opened? _opened;
    private bool _closed;

    public LiteDbGrainStorage(string name, LiteDbGrainStorageOptions options, IActivatorProvider activators, ILogger<LiteDbGrainStorage> logger)
    {
        if (string.IsNullOrWhiteSpace(options.FilePath))
            throw new ArgumentException($"Le stockage de grains « {name} » n'a pas de chemin de fichier LiteDB (FilePath).", nameof(options));
        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"Le stockage de grains « {name} » n'a pas de sérialiseur.", nameof(options));
        _activators = activators;
        _logger = logger;
    }

    /// <summary>Durable commits so far (each one LiteDB transaction and one fsync of the log).</summary>
    internal long Commits => _opened?.Writer.Commits ?? 0;

    /// <summary>Writes and clears made durable so far.</summary>
    internal long Changes => _opened?.Writer.Changes ?? 0;

    /// <summary>fsyncs of the data and log files so far, checkpoints included.</summary>
    internal long Syncs => _opened?.File.Syncs ?? 0;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(LiteDbGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, OpenAsync, CloseAsync);

    /// <summary>Opens (or creates) the file and starts the writer.</summary>
    internal async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _openClose.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_opened is not null) return;
            var file = GrainStateFile.Open(_options.FilePath);
            var writer = new GroupCommitWriter(file, _options.MaxBatchSize, _options.GroupCommitWindow, _logger, _name);
            _opened = new Opened(file, writer);
            _logger.LogInformation("Grain storage {Name} opened LiteDB file {Path}", _name, file.Path);
        }
        finally
        {
            _openClose.Release();
        }
    }

    /// <summary>Commits what is queued, checkpoints, syncs and closes the file. Later calls do nothing.</summary>
    internal async Task CloseAsync(CancellationToken cancellationToken)
    {
        // Not cancellable: stopping halfway would leave the file open and callers unanswered.
        await _openClose.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _closed = true;
            if (_opened is not { } opened) return;
            _opened = null;
            try
            {
                await opened.Writer.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await opened.File.DisposeAsync().ConfigureAwait(false);
            }
            _logger.LogInformation("Grain storage {Name} closed LiteDB file {Path}", _name, opened.File.Path);
        }
        finally
        {
            _openClose.Release();
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = GrainStateKey.For(_name, stateName, grainId);
        var stored = await Current().File.FindAsync(key, cancellationToken).ConfigureAwait(false);

        var state = default(T);
        if (stored is { Data: { } data })
        {
            try
            {
                state = _serializer.Deserialize<T>(new BinaryData(data));
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"L'état « {key} » ne se lit pas comme un {typeof(T).Name} : {e.Message}", e);
            }
        }
        grainState.State = state ?? _activators.GetActivator<T>().Create();
        grainState.ETag = stored?.Etag;
        grainState.RecordExists = stored is { Exists: true };
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        // Cancellation is honoured only before the change is queued: once queued it may commit, and
        // the grain must then learn its new ETag.
        cancellationToken.ThrowIfCancellationRequested();
        var data = _serializer.Serialize(grainState.State).ToArray();
        var change = new StateChange(GrainStateKey.For(_name, stateName, grainId), grainState.ETag, data);
        grainState.ETag = await Current().Writer.Submit(change).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var change = new StateChange(GrainStateKey.For(_name, stateName, grainId), grainState.ETag, data: null);
        grainState.ETag = await Current().Writer.Submit(change).ConfigureAwait(false);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    public async ValueTask DisposeAsync() => await CloseAsync(CancellationToken.None).ConfigureAwait(false);

    public void Dispose() => CloseAsync(CancellationToken.None).GetAwaiter().GetResult();

    private Opened Current() =>
        _opened ?? throw new InvalidOperationException(_closed
            ? $"Le stockage de grains « {_name} » est fermé."
            : $"Le stockage de grains « {_name} » n'est pas encore ouvert (il s'ouvre au démarrage du silo).");

    private sealed record Opened(GrainStateFile File, GroupCommitWriter Writer);
}
