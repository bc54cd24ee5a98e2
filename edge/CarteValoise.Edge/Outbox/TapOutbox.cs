using CarteValoise.Edge.Common;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Storage;
using LiteDB;

namespace CarteValoise.Edge.Outbox;

/// <summary>
/// Taps on the box's disk until the cloud says they are durable there. Each tap gets the box's own
/// sequence number: 1 for the first tap the box ever wrote, then one more each time, kept in the
/// file so it goes on after a restart (the cloud drops numbers it has already applied, so a
/// number must never be reused). Taps leave only through <see cref="DeleteThroughAsync"/>, on ack.
/// </summary>
public sealed class TapOutbox(BoxStore store)
{
    private const string Collection = "outbox";
    private const string MetaCollection = "box_meta";
    private const string SequenceId = "sequence";
    private const string EpochId = "epoch";

    private readonly RecentTaps _recent = new();

    /// <summary>Raised after taps are on disk: the uplink wakes on it instead of polling.</summary>
    public Signal Appended { get; } = new();

    /// <summary>
    /// The id of this outbox's numbering, made once when the file is new and kept with it. A wiped
    /// data directory gets a new one, which tells the cloud that numbers start again at 1.
    /// </summary>
    public Task<string> EpochAsync() => store.WriteAsync(db =>
    {
        var meta = db.GetCollection(MetaCollection);
        if (meta.FindById(EpochId) is { } known) return known["value"].AsString;
        var epoch = Guid.NewGuid().ToString("N");
        meta.Upsert(new BsonDocument { ["_id"] = EpochId, ["value"] = epoch });
        return epoch;
    });

    /// <summary>Appends one tap durably and returns its sequence number.</summary>
    public async Task<long> AppendAsync(string cardUid, DateTimeOffset readAt, Decision decision, TapService service)
    {
        var sequence = await store.WriteAsync(db => Append(db, cardUid, readAt, decision, service));
        Written(new OutboxTap(sequence, cardUid, readAt, decision, service));
        return sequence;
    }

    /// <summary>
    /// Appends several taps durably in one job, in the order given, and returns them numbered.
    /// The load simulator's way: one write per tick of each virtual box rather than one per tap.
    /// </summary>
    public async Task<IReadOnlyList<OutboxTap>> AppendManyAsync(IReadOnlyList<(string CardUid, DateTimeOffset ReadAt, Decision Decision, TapService Service)> taps)
    {
        var written = await store.WriteAsync(db =>
        {
            var meta = db.GetCollection(MetaCollection);
            var last = meta.FindById(SequenceId)?["last"].AsInt64 ?? 0;
            var numbered = new List<OutboxTap>(taps.Count);
            var outbox = db.GetCollection(Collection);
            foreach (var (uid, at, decision, service) in taps)
            {
                var tap = new OutboxTap(++last, uid, at, decision, service);
                outbox.Insert(ToDocument(tap));
                numbered.Add(tap);
            }
            meta.Upsert(new BsonDocument { ["_id"] = SequenceId, ["last"] = last });
            return numbered;
        });
        foreach (var tap in written) _recent.Note(tap);
        Appended.Raise();
        return written;
    }

    /// <summary>
    /// A tap written by another job of the store (the tap recorder's), now on disk: noted for the
    /// uplink, which is woken.
    /// </summary>
    public void Written(OutboxTap tap)
    {
        _recent.Note(tap);
        Appended.Raise();
    }

    /// <summary>For a job already on the store's thread, inside its transaction.</summary>
    internal static long Append(LiteDatabase db, string cardUid, DateTimeOffset readAt, Decision decision, TapService service)
    {
        var meta = db.GetCollection(MetaCollection);
        var sequence = (meta.FindById(SequenceId)?["last"].AsInt64 ?? 0) + 1;
        meta.Upsert(new BsonDocument { ["_id"] = SequenceId, ["last"] = sequence });
        db.GetCollection(Collection).Insert(ToDocument(new OutboxTap(sequence, cardUid, readAt, decision, service)));
        return sequence;
    }

    private static BsonDocument ToDocument(OutboxTap tap) => new()
    {
        ["_id"] = tap.Sequence,
        ["uid"] = tap.CardUid,
        // Ticks, not a BSON date: BSON dates keep milliseconds only, and the cloud must get
        // the very instant the box printed.
        ["at"] = tap.ReadAt.UtcTicks,
        ["decision"] = tap.Decision.ToString(),
        ["service"] = tap.Service.ToString(),
    };

    /// <summary>Pending taps after <paramref name="afterSequence"/>, in sequence order: from memory when they are there, else from the disk.</summary>
    public Task<IReadOnlyList<OutboxTap>> ReadPendingAsync(long afterSequence, int max)
    {
        var recent = _recent.After(afterSequence, max);
        if (recent.Count > 0) return Task.FromResult<IReadOnlyList<OutboxTap>>(recent);
        return store.ReadAsync<IReadOnlyList<OutboxTap>>(db => db.GetCollection(Collection).Query()
            .Where(Query.GT("_id", afterSequence))
            .OrderBy("_id")
            .Limit(max)
            .ToList()
            .Select(FromDocument)
            .ToList());
    }

    /// <summary>Deletes every tap up to and including <paramref name="sequence"/>: the cloud has them.</summary>
    public async Task<int> DeleteThroughAsync(long sequence)
    {
        var deleted = await store.WriteAsync(db => db.GetCollection(Collection).DeleteMany(Query.LTE("_id", sequence)));
        _recent.ForgetThrough(sequence);
        return deleted;
    }

    public Task<OutboxState> StateAsync() => store.ReadAsync(db =>
    {
        var taps = db.GetCollection(Collection);
        var oldest = taps.Query().OrderBy("_id").Limit(1).FirstOrDefault();
        return new OutboxState(
            taps.LongCount(),
            oldest is null ? null : FromDocument(oldest).ReadAt,
            db.GetCollection(MetaCollection).FindById(SequenceId)?["last"].AsInt64 ?? 0);
    });

    private static OutboxTap FromDocument(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        doc["uid"].AsString,
        new DateTimeOffset(doc["at"].AsInt64, TimeSpan.Zero),
        Enum.Parse<Decision>(doc["decision"].AsString),
        Enum.Parse<TapService>(doc["service"].AsString));
}
