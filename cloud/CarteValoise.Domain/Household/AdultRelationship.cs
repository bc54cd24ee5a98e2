namespace CarteValoise.Domain.Household;

/// <summary>How an adult of the household stands to its children.</summary>
public enum AdultRelationship
{
    Unspecified = 0,
    Parent = 1,
    /// <summary>The parent's partner: conjoint, concubin, partenaire de PACS.</summary>
    Partner = 2,
    /// <summary>Tuteur or tutrice légal(e).</summary>
    Guardian = 3,
    Other = 4,
}

public static class AdultRelationships
{
    public static readonly IReadOnlyList<AdultRelationship> Choices =
        [AdultRelationship.Parent, AdultRelationship.Partner, AdultRelationship.Guardian, AdultRelationship.Other];

    public static string Label(this AdultRelationship relationship) => relationship switch
    {
        AdultRelationship.Parent => "Parent",
        AdultRelationship.Partner => "Conjoint ou conjointe du parent",
        AdultRelationship.Guardian => "Tuteur ou tutrice légal(e)",
        AdultRelationship.Other => "Autre",
        _ => "Non précisé",
    };
}
