using CarteValoise.Domain.Demarches;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// How the platform signs the moves it makes when a state's deadline passes (<see cref="Actor.System"/>
/// moves): under its own name, with the deadline as reason, and under an operation id of the state's
/// entry, so that the same overdue state is moved once however many sweeps ask.
/// </summary>
public static class RequestDeadlines
{
    /// <summary>Who the timeline, the queue and the mails name for such a move.</summary>
    public const string ActorName = "CarteValoise";

    /// <summary>One per entry in a state: a request back in the same state later gets a deadline of its own.</summary>
    public static string OperationId(string stateId, DateTimeOffset stateSince) => $"delai:{stateId}:{stateSince:O}";

    /// <summary>«Délai de 30 jours écoulé (Complément demandé)»: what agents and the citizen read as the reason.</summary>
    public static string Reason(WorkflowState state) =>
        $"Délai de {state.DeadlineDays} jour{(state.DeadlineDays > 1 ? "s" : "")} écoulé ({state.Label})";
}
