using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CarteValoise.Cloud.Storage;

/// <summary>
/// The one writer of a <see cref="GrainStateFile"/>: every write and clear queues here, a batch of
/// them is applied in one LiteDB transaction, the log is fsynced, and only then do the callers learn
/// their new ETag.
/// </summary>
/// <remarks>
/// Why it is built this way — what LiteDB 5.0.21 does, read from its source (tag v5.0.21):
/// <list type="bullet">
/// <item>A commit (TransactionService.Commit → PersistDirtyPages → DiskService.WriteLogDisk) writes the
/// transaction's pages to the <c>-log</c> file synchronously, on the committing thread; 5.0.21 removed
/// the DiskWriterQueue thread that earlier 5.0.x releases wrote through. So when Commit() returns the
/// pages are in the kernel, but nothing has fsynced them: LiteDB only calls FlushToDisk when it
/// creates a file, trims a torn page at open, or checkpoints the log into the data file. A power cut would lose
/// commits that were already acknowledged, hence our own fsync of the log after each commit — one
/// per batch, which is what makes batching pay.</item>
/// <item>The last page of a transaction carries its "confirmed" flag and recovery
/// (WalIndexService.RestoreIndex) replays confirmed transactions only, so a batch torn by a crash
/// is dropped whole, and none of its callers had been answered.</item>
/// <item>The automatic checkpoint (log over 1000 pages) runs inside a commit, here; it syncs the data
/// file through <see cref="DurableFileStream.Flush"/> before truncating the log, and the truncation
/// is synced by <see cref="DurableFileStream.SetLength"/>.</item>
/// <item>Concurrent write transactions still corrupt 5.0.21 files (issues #2554 and #2825: the free-page
/// list in the shared header page), hence one writer. LiteDB also binds a transaction to its thread (a ThreadLocal
/// in TransactionMonitor, thread-affine locks in LockService), hence a dedicated thread rather than an
/// async loop that could resume elsewhere between BeginTrans and Commit.</item>
/// <item>Reads stay outside: LiteDB serves them from the last confirmed version (its WAL index), and
/// the reported races need two writers. A read may see a commit in the instant before its fsync;
/// Orleans orders each grain's own operations, so the only grain that could care is waiting for it.</item>
/// </list>
/// </remarks>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly GrainStateFile _file;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _window;
    private readonly ILogger _logger;
    private readonly Channel<StateChange> _queue = Channel.CreateUnbounded<StateChange>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
        // The writer thread blocks on the wait; waking it inline spares a trip through a thread
        // pool that may be busy with the very grains waiting for this commit.
        AllowSynchronousContinuations = true,
    });
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<bool>? _pendingWait;
    private Exception? _broken;
    private long _commits;
    private long _changes;

    public GroupCommitWriter(GrainStateFile file, int maxBatchSize, TimeSpan window, ILogger logger, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _file = file;
        _maxBatchSize = maxBatchSize;
        _window = window;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = $"LiteDB writer {name}" };
        _thread.Start();
    }

    /// <summary>Durable commits so far: each is one transaction followed by one fsync of the log.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes and clears made durable so far.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Queues a change; the task ends when it is durable (new ETag) or refused.</summary>
    public Task<string?> Submit(StateChange change)
    {
        if (!_queue.Writer.TryWrite(change))
            return Task.FromException<string?>(new ObjectDisposedException(nameof(GroupCommitWriter), "Le stockage des grains est fermé."));
        return change.Done.Task;
    }

    /// <summary>Stops taking changes, commits every change already queued, and waits for the thread to end.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<StateChange>(_maxBatchSize);
        var busy = false;
        try
        {
            while (TakeBatch(batch, linger: busy))
            {
                Commit(batch);
                // Several changes at once means callers are writing concurrently: worth waiting a
                // little for the next ones. A quiet silo commits each lone write at once.
                busy = batch.Count > 1 && _window > TimeSpan.Zero;
                batch.Clear();
            }
        }
        catch (Exception e)
        {
            // Only a bug gets here; the queue must still be answered so no grain waits forever.
            _logger.LogCritical(e, "The LiteDB writer of {Path} stopped", _file.Path);
            _broken ??= e;
            Fail(batch, e);
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var change)) change.Done.TrySetException(e);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Waits for a change, then takes what is queued, lingering for more when busy. False once closed and empty.</summary>
    private bool TakeBatch(List<StateChange> batch, bool linger)
    {
        StateChange? first;
        while (!_queue.Reader.TryRead(out first))
        {
            if (!WaitForChange(Timeout.InfiniteTimeSpan)) return false;
        }
        batch.Add(first);
        Drain(batch);

        if (!linger) return true;
        // A monotonic stopwatch, not the clock: this measures a wait of a few milliseconds.
        var start = Stopwatch.GetTimestamp();
        while (batch.Count < _maxBatchSize)
        {
            var left = _window - Stopwatch.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !WaitForChange(left)) break;
            Drain(batch);
        }
        return true;
    }

    private void Drain(List<StateChange> batch)
    {
        while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var change)) batch.Add(change);
    }

    /// <summary>True when a change may be read; false on timeout or when the queue is closed and empty.</summary>
    /// <remarks>A wait that timed out stays pending and is reused, so the channel never has two.</remarks>
    private bool WaitForChange(TimeSpan timeout)
    {
        _pendingWait ??= _queue.Reader.WaitToReadAsync().AsTask();
        if (!_pendingWait.Wait(timeout)) return false;
        var more = _pendingWait.Result;
        _pendingWait = null;
        return more;
    }

    private void Commit(List<StateChange> batch)
    {
        if (_broken is { } broken)
        {
            Fail(batch, broken);
            return;
        }

        var outcomes = new Outcome[batch.Count];
        bool wrote;
        try
        {
            wrote = Apply(batch, outcomes);
        }
        catch (Exception e)
        {
            RollBack();
            if (batch.Count == 1)
            {
                Fail(batch, e);
                return;
            }
            // One bad change (a state too large for LiteDB, say) must not sink its neighbours:
            // commit each alone, and only the culprit fails.
            _logger.LogWarning(e, "A batch of {Count} grain state changes failed in {Path}; committing them one by one", batch.Count, _file.Path);
            foreach (var change in batch) Commit([change]);
            return;
        }

        if (wrote)
        {
            try
            {
                _file.LogFile.Sync();
            }
            catch (Exception e)
            {
                // After a failed fsync the kernel may already have dropped the dirty pages: nothing
                // written since can be called durable, so the storage refuses everything from now on.
                _broken = new IOException($"Le journal de « {_file.Path} » n'a pas pu être écrit sur le disque ; le stockage des grains refuse désormais toute écriture.", e);
                _logger.LogCritical(e, "fsync of the LiteDB log of {Path} failed; grain storage is now read-only", _file.Path);
                Fail(batch, _broken);
                return;
            }
            Interlocked.Increment(ref _commits);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var change = batch[i];
            var outcome = outcomes[i];
            if (outcome.Conflict)
            {
                change.Done.TrySetException(new InconsistentStateException(
                    $"L'état « {change.Key} » a changé depuis sa lecture : ETag attendu {change.ExpectedEtag ?? "(aucun)"}, ETag stocké {outcome.Etag ?? "(aucun)"}.",
                    storedEtag: outcome.Etag, currentEtag: change.ExpectedEtag));
            }
            else
            {
                Interlocked.Increment(ref _changes);
                change.Done.TrySetResult(outcome.Etag);
            }
        }
    }

    /// <summary>Applies the batch in one transaction. Returns whether anything was written (and so needs an fsync).</summary>
    private bool Apply(List<StateChange> batch, Outcome[] outcomes)
    {
        var database = _file.Database;
        var states = _file.States;
        // Versions as this batch leaves them, so two changes of one key in a batch see each other.
        var versions = new Dictionary<string, StoredState?>(StringComparer.Ordinal);
        var wrote = false;

        database.BeginTrans();
        for (var i = 0; i < batch.Count; i++)
        {
            var change = batch[i];
            if (!versions.TryGetValue(change.Key, out var stored))
                stored = GrainStateFile.ToStoredState(states.FindById(change.Key));

            var storedEtag = stored?.Etag;
            if (!string.Equals(storedEtag, change.ExpectedEtag, StringComparison.Ordinal))
            {
                outcomes[i] = new Outcome(Conflict: true, storedEtag);
                continue;
            }

            if (change.IsClear && stored is not { Exists: true })
            {
                // Nothing to clear: no record, or already cleared.
                outcomes[i] = new Outcome(Conflict: false, storedEtag);
                continue;
            }

            var next = new StoredState((stored?.Version ?? 0) + 1, change.Data);
            states.Upsert(GrainStateFile.ToDocument(change.Key, next.Version, next.Data));
            versions[change.Key] = next;
            outcomes[i] = new Outcome(Conflict: false, next.Etag);
            wrote = true;
        }

        if (wrote) database.Commit();
        else database.Rollback();
        return wrote;
    }

    private void RollBack()
    {
        try
        {
            _file.Database.Rollback();
        }
        catch (Exception e)
        {
            // LiteDB has usually rolled back already, or closed itself after an I/O error.
            _logger.LogDebug(e, "Rollback after a failed batch in {Path}", _file.Path);
        }
    }

    private static void Fail(List<StateChange> batch, Exception e)
    {
        foreach (var change in batch) change.Done.TrySetException(e);
    }

    /// <summary>What became of one change: its new ETag, or the stored ETag it conflicted with.</summary>
    private readonly record struct Outcome(bool Conflict, string? Etag);
}
