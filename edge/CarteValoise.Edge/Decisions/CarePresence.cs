using LiteDB;

namespace CarteValoise.Edge.Decisions;

/// <summary>
/// Who is at the périscolaire right now, per Paris day, persisted with the tap that checked the
/// child in or out (same transaction): a box restarted at 17:00 still knows that Léa arrived at
/// 16:30, so her next tap is her departure. Keyed by child, not card.
/// </summary>
internal static class CarePresence
{
    private const string Collection = "care";

    public static bool IsIn(LiteDatabase db, DateOnly day, string childId) =>
        db.GetCollection(Collection).FindById(Key(day, childId)) is { } doc && doc["in"].AsBoolean;

    public static void Set(LiteDatabase db, DateOnly day, string childId, bool isIn, long sequence) =>
        db.GetCollection(Collection).Upsert(new BsonDocument
        {
            ["_id"] = Key(day, childId),
            ["day"] = ParisDay.Format(day),
            ["in"] = isIn,
            ["sequence"] = sequence,
        });

    /// <summary>Forgets earlier days: a child not checked out yesterday starts today checked out.</summary>
    public static int ForgetBefore(LiteDatabase db, DateOnly day) =>
        db.GetCollection(Collection).DeleteMany(Query.LT("day", ParisDay.Format(day)));

    private static string Key(DateOnly day, string childId) => ParisDay.Format(day) + "|" + childId;
}
