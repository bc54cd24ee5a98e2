namespace CarteValoise.Grains.Children;

[GenerateSerializer, Immutable]
public sealed record ChildProfile(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string CommuneCode,
    [property: Id(3)] string SchoolId,
    [property: Id(4)] string FirstName,
    [property: Id(5)] string LastName,
    [property: Id(6)] string CardUid);

/// <summary>A card read at a canteen box, identified by "boxId:sequence" so that a replay is recognised.</summary>
[GenerateSerializer, Immutable]
public sealed record CanteenTap([property: Id(0)] string TapId, [property: Id(1)] DateTimeOffset ReadAt, [property: Id(2)] string SchoolId);

[GenerateSerializer, Immutable]
public sealed record MealRecord([property: Id(0)] string TapId, [property: Id(1)] DateTimeOffset TakenAt, [property: Id(2)] string SchoolId);

public enum CanteenTapOutcome
{
    /// <summary>First meal of the day: counted and charged.</summary>
    MealRecorded = 1,
    /// <summary>The child already had a meal that day: kept as a tap, neither counted nor charged again.</summary>
    AlreadyServed = 2,
}
