using Orleans.Concurrency;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// One request, keyed by its reference («DEM-95127-2026-000012»). It reads the workflow of the
/// version it was filed under and allows only the moves that version allows, to the roles it names;
/// Orleans runs its calls one at a time, so of two agents deciding at once the first decides and the
/// second is refused (<see cref="DemarcheRefusedException"/> naming who decided and when). Every
/// command is idempotent on its operation id. Each change is tracked in the commune's queue and the
/// citizen's list.
/// </summary>
public interface IDemarcheRequestGrain : IGrainWithStringKey
{
    /// <summary>Records the request in the workflow's initial state; the same submission again returns it as it stands.</summary>
    Task<RequestView> Submit(RequestSubmission submission);

    [ReadOnly] Task<RequestView?> Get();

    Task<RequestView> Move(RequestMoveCommand move);

    /// <summary>
    /// When the current state's deadline is at or before <paramref name="now"/> and the workflow has a move
    /// from it for <see cref="CarteValoise.Domain.Demarches.Actor.System"/>, makes that move as the platform;
    /// whether it moved. Asked again for the same overdue state, it moves nothing more.
    /// </summary>
    Task<bool> ApplyDeadline(DateTimeOffset now);

    Task<RequestView> Post(RequestMessageCommand message);

    /// <summary>Assigns to an agent (empty id: to nobody).</summary>
    Task<RequestView> Assign(string operationId, string agentAccountId, string agentName, string byName);

    /// <summary>Records a document produced from a template (its bytes stored already).</summary>
    Task<RequestView> AddGenerated(GeneratedFileRecord file);

    /// <summary>The citizen was told (mailed) of the timeline through <paramref name="sequence"/>.</summary>
    Task MarkNoticed(int sequence);
}
