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

    /// <summary>Raised after taps are on disk: the uplink wakes on it instead of polling.</summary>
    public Signal Appended { get; } = new();

    /// <summary>Appends one tap durably and returns its sequence number.</summary>
    public async Task<long> AppendAsync(string cardUid, DateTimeOffset readAt, Decision decision, TapService service)
    {
        var sequence = await store.WriteAsync(db => Append(db, cardUid, readAt, decision, service));
        Appended.Raise();
        return sequence;
    }

    /// <summary>For a job already on the store's thread, inside its transaction.</summary>
    internal static long Append(LiteDatabase db, string cardUid, DateTimeOffset readAt, Decision decision, TapService service)
    {
        var meta = db.GetCollection(MetaCollection);
        var sequence = (meta.FindById(SequenceId)?["last"].AsInt64 ?? 0) + 1;
        meta.Upsert(new BsonDocument { ["_id"] = SequenceId, ["last"] = sequence });
        db.GetCollection(Collection).Insert(new BsonDocument
        {
            ["_id"] = sequence,
            ["uid"] = cardUid,
            // Ticks, not a BSON date: BSON dates keep milliseconds only, and the cloud must get
            // the very instant the box printed.
            ["at"] = readAt.UtcTicks,
            ["decision"] = decision.ToString(),
            ["service"] = service.ToString(),
        });
        return sequence;
    }

    /// <summary>Pending taps after <paramref name="afterSequence"/>, in sequence order.</summary>
    public Task<IReadOnlyList<OutboxTap>> ReadPendingAsync(long afterSequence, int max) =>
        store.ReadAsync<IReadOnlyList<OutboxTap>>(db => db.GetCollection(Collection).Query()
            .Where(Query.GT("_id", afterSequence))
            .OrderBy("_id")
            .Limit(max)
            .ToList()
            .Select(FromDocument)
            .ToList());

    /// <summary>Deletes every tap up to and including <paramref name="sequence"/>: the cloud has them.</summary>
    public Task<int> DeleteThroughAsync(long sequence) =>
        store.WriteAsync(db => db.GetCollection(Collection).DeleteMany(Query.LTE("_id", sequence)));

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
