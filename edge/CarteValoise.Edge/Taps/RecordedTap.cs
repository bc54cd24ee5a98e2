using CarteValoise.Edge.Decisions;

namespace CarteValoise.Edge.Taps;

/// <summary>A tap that is on the box's disk, with what the box decided and what the staff must see.</summary>
public sealed record RecordedTap(
    long Sequence,
    string CardUid,
    DateTimeOffset ReadAt,
    Decision Decision,
    string? ChildFirstName,
    bool AllergyPlan,
    TapService Service = TapService.Canteen);
