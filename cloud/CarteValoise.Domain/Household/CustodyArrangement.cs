namespace CarteValoise.Domain.Household;

/// <summary>How two parents living apart share a child, as a judgement or an agreement sets it.</summary>
public enum CustodyArrangement
{
    Unspecified = 0,
    /// <summary>Garde alternée: the child lives in both households in turn.</summary>
    Alternating = 1,
    /// <summary>The child lives mainly with the parent who asks.</summary>
    ResidesWithApplicant = 2,
    /// <summary>The child lives mainly with the other parent.</summary>
    ResidesWithOtherParent = 3,
}

public static class CustodyArrangements
{
    public static readonly IReadOnlyList<CustodyArrangement> Choices =
        [CustodyArrangement.Alternating, CustodyArrangement.ResidesWithApplicant, CustodyArrangement.ResidesWithOtherParent];

    /// <summary>As the applicant reads it when choosing.</summary>
    public static string Label(this CustodyArrangement arrangement) => arrangement switch
    {
        CustodyArrangement.Alternating => "Garde alternée",
        CustodyArrangement.ResidesWithApplicant => "Résidence habituelle chez moi",
        CustodyArrangement.ResidesWithOtherParent => "Résidence habituelle chez l'autre parent",
        _ => "Non précisée",
    };

    /// <summary>As the agent reads the request: «résidence habituelle chez le parent demandeur».</summary>
    public static string Described(this CustodyArrangement arrangement) => arrangement switch
    {
        CustodyArrangement.Alternating => "garde alternée",
        CustodyArrangement.ResidesWithApplicant => "résidence habituelle chez le parent demandeur",
        CustodyArrangement.ResidesWithOtherParent => "résidence habituelle chez l'autre parent",
        _ => "mode de garde non précisé",
    };

    /// <summary>
    /// As each household reads it once recorded: in words that name neither parent, so that neither
    /// household learns anything of the other from it.
    /// </summary>
    public static string AsSeenFrom(this CustodyArrangement arrangement, bool childResidesHere) => arrangement switch
    {
        CustodyArrangement.Alternating => "Garde alternée avec un autre foyer",
        CustodyArrangement.Unspecified => "Partagé avec un autre foyer",
        _ => childResidesHere ? "Résidence habituelle dans votre foyer, partagé avec un autre foyer" : "Résidence habituelle dans un autre foyer",
    };
}
