namespace CarteValoise.Edge.Roster;

/// <summary>What the box knows of a child: a pseudonymous id and a first name, nothing more.</summary>
public sealed record RosterChild(
    string CardUid,
    string ChildId,
    string FirstName,
    bool CanteenToday,
    bool AllergyPlan,
    bool Blocked,
    bool CareToday = false);
