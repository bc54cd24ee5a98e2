using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Household;

/// <summary>
/// An agent's decision on a change request: accepted (the change applies) or refused with a reason the
/// citizen reads. A request is decided once; whoever comes second is told who decided and when.
/// </summary>
public static class DossierDecisions
{
    public const int MaxReason = 1000;

    public static IReadOnlyList<HouseholdProblem> RefusalReason(string? reason)
    {
        var text = TextKey.TidyLines(reason);
        if (text.Length == 0)
            return [new(DossierFields.RefusalReason, "Indiquez le motif du refus : il est envoyé au demandeur, qui pourra corriger sa demande.")];
        if (text.Length > MaxReason)
            return [new(DossierFields.RefusalReason, $"Le motif du refus ne doit pas dépasser {MaxReason} caractères.")];
        return [];
    }

    /// <summary>«Cette demande a déjà été traitée par Agent de Cergy le vendredi 4 décembre 2026 à 10:15 (acceptée).»</summary>
    public static string AlreadyDecided(string agentName, DateTimeOffset at, DossierChangeState outcome) =>
        $"Cette demande a déjà été traitée par {agentName} le {FrenchText.DayAndTime(at)} ({outcome.Label().ToLowerInvariant()}).";
}
