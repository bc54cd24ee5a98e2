using LiteDB;

namespace CarteValoise.Edge.Decisions;

/// <summary>
/// The children this box has already served, per Paris day, persisted with the tap that served
/// them (same transaction), so a restarted box still says "already served". Keyed by child, not
/// card: a child with a replacement card still eats once.
/// </summary>
internal static class ServedToday
{
    private const string Collection = "served";

    public static bool Has(LiteDatabase db, DateOnly day, string childId) =>
        db.GetCollection(Collection).FindById(Key(day, childId)) is not null;

    public static void Mark(LiteDatabase db, DateOnly day, string childId, long sequence) =>
        db.GetCollection(Collection).Upsert(new BsonDocument
        {
            ["_id"] = Key(day, childId),
            ["day"] = ParisDay.Format(day),
            ["sequence"] = sequence,
        });

    /// <summary>Forgets earlier days; yyyy-MM-dd compares as text.</summary>
    public static int ForgetBefore(LiteDatabase db, DateOnly day) =>
        db.GetCollection(Collection).DeleteMany(Query.LT("day", ParisDay.Format(day)));

    private static string Key(DateOnly day, string childId) => ParisDay.Format(day) + "|" + childId;
}
