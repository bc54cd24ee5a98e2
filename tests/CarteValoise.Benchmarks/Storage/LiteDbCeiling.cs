using System.Diagnostics;
using LiteDB;

namespace CarteValoise.Benchmarks.Storage;

/// <summary>
/// (c) The storage ceiling: raw LiteDB inserts of tap-sized documents, one transaction per group,
/// the log fsynced after each commit, on the disk of the silo's data directory. One thread, one
/// database per group size, as a single writer does.
/// </summary>
public static class LiteDbCeiling
{
    public sealed record Result(int GroupSize, double InsertsPerSecond, long Inserts, long Groups, double Seconds, int DocumentBytes);

    public static Result Run(string directory, int groupSize, TimeSpan duration)
    {
        Directory.CreateDirectory(directory);
        using var data = new FsyncedFileStream(Path.Combine(directory, $"ceiling-{groupSize}.db"));
        using var log = new FsyncedFileStream(Path.Combine(directory, $"ceiling-{groupSize}-log.db"));
        using var db = new LiteDatabase(data, new BsonMapper(), log);
        var taps = db.GetCollection("taps");
        long id = 0;

        // A few groups first, so that the file exists and the code is compiled before the clock starts.
        for (var i = 0; i < 5; i++) InsertGroup(db, taps, log, groupSize, ref id);

        long inserts = 0, groups = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            InsertGroup(db, taps, log, groupSize, ref id);
            inserts += groupSize;
            groups++;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Result(groupSize, inserts / seconds, inserts, groups, seconds, BsonSerializer.Serialize(TapDocument(1)).Length);
    }

    private static void InsertGroup(LiteDatabase db, ILiteCollection<BsonDocument> taps, Stream log, int groupSize, ref long id)
    {
        db.BeginTrans();
        for (var i = 0; i < groupSize; i++) taps.Insert(TapDocument(++id));
        db.Commit();
        log.Flush();
    }

    /// <summary>What the box keeps of a tap in its outbox: sequence, UID, instant, decision, service.</summary>
    private static BsonDocument TapDocument(long sequence) => new()
    {
        ["_id"] = sequence,
        ["uid"] = "04951271001100",
        ["at"] = DateTimeOffset.UtcNow.UtcTicks,
        ["decision"] = "Accepted",
        ["service"] = "Canteen",
    };
}
