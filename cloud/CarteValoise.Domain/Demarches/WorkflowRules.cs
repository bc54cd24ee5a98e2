namespace CarteValoise.Domain.Demarches;

/// <summary>
/// Who may move a request, from where to where: only the moves its definition allows, to the roles
/// it names, so a forged move (a state skipped, a citizen accepting their own request) is refused.
/// </summary>
public static class WorkflowRules
{
    public static IReadOnlyList<WorkflowMove> MovesFor(Workflow workflow, string stateId, Actor actor) =>
        workflow.Moves.Where(move => move.From.Contains(stateId) && move.Actors.Contains(actor)).ToList();

    /// <summary>Null when the move is allowed; else why not, in French (unknown move, not from this state, not for this role, reason missing).</summary>
    public static string? Refusal(Workflow workflow, string stateId, string moveId, Actor actor, string? reason)
    {
        if (workflow.Move(moveId) is not { } move) return $"Le mouvement « {moveId} » n'existe pas pour cette démarche.";
        if (!move.From.Contains(stateId))
            return $"Une demande « {workflow.State(stateId)?.Label ?? stateId} » ne peut pas être « {move.Label} ».";
        if (!move.Actors.Contains(actor)) return $"{Only(move.Actors)} « {move.Label} ».";
        if (move.RequiresReason && string.IsNullOrWhiteSpace(reason)) return "Indiquez le motif.";
        return null;
    }

    /// <summary>When a request entering <paramref name="state"/> at <paramref name="since"/> is overdue; null without a deadline.</summary>
    public static DateTimeOffset? DueAt(WorkflowState state, DateTimeOffset since) =>
        state.DeadlineDays is { } days ? since.AddDays(days) : null;

    /// <summary>«Seul un agent de la commune peut», «Seuls le demandeur et un agent de la commune peuvent».</summary>
    private static string Only(IReadOnlyList<Actor> actors)
    {
        var names = actors.Distinct().Select(Name).ToList();
        return names.Count switch
        {
            0 => "Personne ne peut",
            1 when actors[0] == Actor.System => "Seule la plateforme peut",
            1 => $"Seul {names[0]} peut",
            _ => $"Seuls {string.Join(", ", names.SkipLast(1))} et {names[^1]} peuvent",
        };
    }

    private static string Name(Actor actor) => actor switch
    {
        Actor.Citizen => "le demandeur",
        Actor.Agent => "un agent de la commune",
        _ => "la plateforme",
    };
}
