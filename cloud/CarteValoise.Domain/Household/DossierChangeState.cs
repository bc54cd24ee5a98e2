namespace CarteValoise.Domain.Household;

/// <summary>
/// Where a change request stands: submitted, opened by an agent, then accepted (applied) or refused
/// (with a reason). A decision is final: a request is decided once.
/// </summary>
public enum DossierChangeState
{
    Unspecified = 0,
    Submitted = 1,
    InReview = 2,
    Accepted = 3,
    Refused = 4,
}

public static class DossierChangeStates
{
    public static string Label(this DossierChangeState state) => state switch
    {
        DossierChangeState.Submitted => "Déposée",
        DossierChangeState.InReview => "En cours d'examen",
        DossierChangeState.Accepted => "Acceptée",
        DossierChangeState.Refused => "Refusée",
        _ => "Inconnu",
    };

    public static bool IsDecided(this DossierChangeState state) => state is DossierChangeState.Accepted or DossierChangeState.Refused;
}
