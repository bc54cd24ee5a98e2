using CarteValoise.Edge.Decisions;
using CarteValoise.Readers.Simulated;
using LiteDB;

namespace CarteValoise.Edge.Roster;

/// <summary>
/// The school's roster as the cloud last sent it, kept in the box's file so the box decides
/// alone while offline: card -> child, plus the version (announced in Hello so the cloud sends only
/// what is new), the school's name and the day the canteen flags are for.
/// </summary>
public sealed class RosterCache(Storage.BoxStore store) : IKnownCards
{
    private const string Collection = "roster";
    private const string MetaCollection = "box_meta";
    private const string MetaId = "roster";

    private volatile RosterState _state = RosterState.Empty;

    public long Version => _state.Version;
    public DateOnly? ServiceDate => _state.ServiceDate;
    public string SchoolName => _state.SchoolName;

    /// <summary>Every card of the roster (the simulated reader taps them when it has no list).</summary>
    public IReadOnlyList<string> CardUids => _state.CardUids;

    public async Task LoadAsync() => _state = await store.ReadAsync(ReadState);

    /// <summary>
    /// Applies an update durably. A full one always applies, as the cloud's word on everything. A
    /// partial one applies only on top of <paramref name="onTopOf"/> — the version the cloud made
    /// it for, i.e. the one the box announced — and only if it is newer than what the box holds.
    /// </summary>
    public async Task<RosterApplied> ApplyAsync(RosterUpdate update, long onTopOf)
    {
        var outcome = await store.WriteAsync(db =>
        {
            var current = db.GetCollection(MetaCollection).FindById(MetaId)?["version"].AsInt64 ?? 0;
            if (!update.Full && update.Version <= current) return RosterOutcome.AlreadyHeld;
            if (!update.Full && current != onTopOf) return RosterOutcome.NotOnTop;
            var roster = db.GetCollection(Collection);
            if (update.Full) roster.DeleteAll();
            foreach (var uid in update.RemovedCardUids) roster.Delete(uid);
            foreach (var child in update.Upserts) roster.Upsert(ToDocument(child));
            db.GetCollection(MetaCollection).Upsert(new BsonDocument
            {
                ["_id"] = MetaId,
                ["version"] = update.Version,
                ["school"] = update.SchoolName,
                ["day"] = ParisDay.Format(update.ServiceDate),
            });
            return RosterOutcome.Applied;
        });
        // Read back once committed, not inside the write: LiteDB 5.0.21 bounds a scan by the size
        // of the file on disk ("Detected loop in FindAll"), so scanning thousands of entries just
        // inserted into a young file, in the same transaction, fails although nothing is wrong.
        var state = await store.ReadAsync(ReadState);
        _state = state;
        return new RosterApplied(outcome, state.Version, state.CardUids.Count);
    }

    /// <summary>On top of whatever the box holds now (a full roster, or a test).</summary>
    public Task<RosterApplied> ApplyAsync(RosterUpdate update) => ApplyAsync(update, Version);

    /// <summary>For a job already on the store's thread (the tap's decision).</summary>
    internal static RosterChild? Find(LiteDatabase db, string cardUid) =>
        db.GetCollection(Collection).FindById(cardUid) is { } doc ? FromDocument(doc) : null;

    internal static DateOnly? ServiceDateIn(LiteDatabase db) =>
        db.GetCollection(MetaCollection).FindById(MetaId) is { } meta && ParisDay.TryParse(meta["day"].AsString, out var day) ? day : null;

    private static RosterState ReadState(LiteDatabase db)
    {
        var meta = db.GetCollection(MetaCollection).FindById(MetaId);
        if (meta is null) return RosterState.Empty;
        var uids = db.GetCollection(Collection).FindAll().Select(doc => doc["_id"].AsString).ToArray();
        return new RosterState(
            meta["version"].AsInt64,
            ParisDay.TryParse(meta["day"].AsString, out var day) ? day : null,
            meta["school"].AsString ?? "",
            uids);
    }

    private static BsonDocument ToDocument(RosterChild child) => new()
    {
        ["_id"] = child.CardUid,
        ["child"] = child.ChildId,
        ["firstName"] = child.FirstName,
        ["canteenToday"] = child.CanteenToday,
        ["allergyPlan"] = child.AllergyPlan,
        ["blocked"] = child.Blocked,
        ["careToday"] = child.CareToday,
    };

    private static RosterChild FromDocument(BsonDocument doc) => new(
        doc["_id"].AsString,
        doc["child"].AsString,
        doc["firstName"].AsString,
        doc["canteenToday"].AsBoolean,
        doc["allergyPlan"].AsBoolean,
        doc["blocked"].AsBoolean,
        // Rosters kept by a box of the first version have no care flag: nobody was expected then.
        doc["careToday"].IsBoolean && doc["careToday"].AsBoolean);

    private sealed record RosterState(long Version, DateOnly? ServiceDate, string SchoolName, IReadOnlyList<string> CardUids)
    {
        public static readonly RosterState Empty = new(0, null, "", []);
    }
}
