namespace CarteValoise.Grains.Privacy;

/// <summary>A citizen's request to close their account, keyed by account id.</summary>
public interface IAccountClosureGrain : IGrainWithStringKey
{
    /// <summary>
    /// Asks for the closure now (the pending request stands if there is one); once per operation id:
    /// an id already applied returns its first answer and changes nothing.
    /// </summary>
    Task<AccountClosureChange> Request(string operationId);

    /// <summary>Cancels the pending request, or says in French why not; once per operation id.</summary>
    Task<AccountClosureChange> Cancel(string operationId);

    Task<AccountClosureRecord?> Get();

    /// <summary>Notes that the request made at <paramref name="requestedAt"/> was acknowledged by mail; idempotent.</summary>
    Task MarkAcknowledged(DateTimeOffset requestedAt);
}
