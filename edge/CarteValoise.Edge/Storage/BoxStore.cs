using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Storage;

/// <summary>
/// The box's one LiteDB file (outbox, roster, meals served today) and the one thread that touches
/// it. LiteDB 5.0.21 has reported races under concurrent writers and ties a transaction to the
/// thread that opened it, so every read and write is queued to a single dedicated thread.
///
/// Group commit: the writer takes the first queued job, gathers whatever else arrives within a
/// few milliseconds, runs the whole group in one transaction, commits, and fsyncs the log
/// (<see cref="DurableFileStream"/> explains why LiteDB does not). Only then are the group's tasks
/// completed: a write reported done is on the disk. One fsync is shared by every tap of the group,
/// which is what lets a busy box (or the load simulator) go faster than one fsync per tap. The
/// data file is never made durable ahead of the log (<see cref="LogFirstStream"/>).
/// </summary>
public sealed class BoxStore : IDisposable
{
    public const string DataFileName = "box.db";
    public const string LogFileName = "box-log.db";

    private const int MaxGroup = 512;

    private readonly BlockingCollection<StoreJob> _queue = new();
    private readonly Stream _data;
    private readonly Stream _log;
    private readonly LiteDatabase _db;
    private readonly TimeSpan _groupWindow;
    private readonly ILogger _logger;
    private readonly Thread _writer;

    /// <summary>
    /// Opens (or creates) the store in a directory. The files are opened exclusively: a second box
    /// process on the same directory fails here with an IOException instead of corrupting the file.
    /// </summary>
    public static BoxStore Open(string directory, ILogger logger, TimeSpan? groupWindow = null)
    {
        Directory.CreateDirectory(directory);
        var dataPath = Path.Combine(directory, DataFileName);
        var logPath = Path.Combine(directory, LogFileName);
        var creating = !File.Exists(dataPath) || !File.Exists(logPath);
        var data = new DurableFileStream(dataPath, FileMode.OpenOrCreate, FileShare.None);
        try
        {
            var log = new DurableFileStream(logPath, FileMode.OpenOrCreate, FileShare.None);
            if (creating) DirectorySync.Flush(directory);
            return new BoxStore(data, log, logger, groupWindow ?? TimeSpan.FromMilliseconds(2));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Over any pair of streams; the store owns them and flushes the log after each commit.</summary>
    /// <param name="checkpointPages">
    /// Log pages before LiteDB copies the log into the data file (its default is 1000). The
    /// power-cut test lowers it so that its cuts fall inside checkpoints too.
    /// </param>
    internal BoxStore(Stream data, Stream log, ILogger logger, TimeSpan groupWindow, int? checkpointPages = null)
    {
        _data = data;
        _log = log;
        _logger = logger;
        _groupWindow = groupWindow;
        _db = new LiteDatabase(new LogFirstStream(data, log), new BsonMapper(), log);
        if (checkpointPages is { } pages) _db.CheckpointSize = pages;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "box-store" };
        _writer.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the store's thread inside a group transaction; completes once
    /// committed and on disk. The work must materialise what it reads (ToList) and may run again
    /// alone if another job of its group failed, so it must not touch anything but the database.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> work) => Enqueue(work, isWrite: true);

    /// <summary>Runs a read on the store's thread; sees every write queued before it.</summary>
    public Task<T> ReadAsync<T>(Func<LiteDatabase, T> work) => Enqueue(work, isWrite: false);

    private Task<T> Enqueue<T>(Func<LiteDatabase, T> work, bool isWrite)
    {
        var job = new StoreJob<T>(work, isWrite);
        try
        {
            _queue.Add(job);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(BoxStore), "La base de la box est fermée.");
        }
        return job.Completion;
    }

    private void WriteLoop()
    {
        var group = new List<StoreJob>(MaxGroup);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Clear();
            group.Add(first);
            Gather(group);
            Run(group);
        }
        // Closing from the store's own thread: LiteDB checkpoints the log into the data file here.
        try
        {
            _db.Dispose();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Fermeture de la base de la box incomplète ; le journal sera rejoué à l'ouverture.");
        }
    }

    // Writes wait a few milliseconds for company; a read alone does not wait.
    private void Gather(List<StoreJob> group)
    {
        var deadline = Environment.TickCount64 + (long)_groupWindow.TotalMilliseconds;
        while (group.Count < MaxGroup)
        {
            var wait = group.Exists(j => j.IsWrite) ? Math.Max(0, deadline - Environment.TickCount64) : 0;
            if (!_queue.TryTake(out var next, (int)wait)) return;
            group.Add(next);
        }
    }

    private void Run(List<StoreJob> group)
    {
        if (!group.Exists(j => j.IsWrite))
        {
            foreach (var job in group) RunAlone(job);
            return;
        }

        _db.BeginTrans();
        try
        {
            foreach (var job in group) job.Run(_db);
        }
        catch (Exception ex)
        {
            TryRollback();
            if (group.Count == 1)
            {
                group[0].Fail(ex);
                return;
            }
            // One faulty job must not fail the taps grouped with it: run each in its own transaction.
            foreach (var job in group) RunAlone(job);
            return;
        }
        CommitAndComplete(group);
    }

    private void RunAlone(StoreJob job)
    {
        if (!job.IsWrite)
        {
            try
            {
                job.Run(_db);
                job.Complete();
            }
            catch (Exception ex)
            {
                job.Fail(ex);
            }
            return;
        }
        _db.BeginTrans();
        try
        {
            job.Run(_db);
        }
        catch (Exception ex)
        {
            TryRollback();
            job.Fail(ex);
            return;
        }
        CommitAndComplete([job]);
    }

    // A failure here is the disk's (full, gone): fail the group without re-running it, since a
    // commit that went through before a failed flush must not be written twice. What was committed
    // stays in the outbox and is sent; only the feedback says "error".
    private void CommitAndComplete(List<StoreJob> group)
    {
        try
        {
            _db.Commit();
            _log.Flush();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Écriture sur le disque de la box impossible ({Count} opérations).", group.Count);
            TryRollback();
            foreach (var job in group) job.Fail(ex);
            return;
        }
        foreach (var job in group) job.Complete();
    }

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Annulation de transaction impossible.");
        }
    }

    public void Dispose()
    {
        if (_queue.IsAddingCompleted) return;
        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
        _log.Dispose();
        _data.Dispose();
    }

    private abstract class StoreJob(bool isWrite)
    {
        public bool IsWrite { get; } = isWrite;
        public abstract void Run(LiteDatabase db);
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private sealed class StoreJob<T>(Func<LiteDatabase, T> work, bool isWrite) : StoreJob(isWrite)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _completion.Task;
        public override void Run(LiteDatabase db) => _result = work(db);
        public override void Complete() => _completion.TrySetResult(_result!);
        public override void Fail(Exception error) => _completion.TrySetException(error);
    }
}
