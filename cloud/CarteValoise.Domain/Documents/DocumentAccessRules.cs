using CarteValoise.Domain.Access;

namespace CarteValoise.Domain.Documents;

/// <summary>
/// Who reaches a document. The safe is a citizen's own: nobody else lists, reads or deletes what is
/// in it. A copy submitted with a request is read by its owner and by the agents of the commune
/// that processes the request — their reads written to the owner's access log.
/// </summary>
public static class DocumentAccessRules
{
    /// <summary>A parent's account has a safe; agents, administrators and kiosk sessions have none.</summary>
    public static bool HasSafe(Caller caller) => caller.Role == CallerRole.Parent;

    public static bool CanReadSubmitted(Caller caller, string ownerAccountId, string requestCommuneCode) => caller.Role switch
    {
        CallerRole.Parent => caller.AccountId == ownerAccountId,
        CallerRole.Agent => caller.CommuneCodes.Contains(requestCommuneCode),
        _ => false,
    };

    /// <summary>An agent's read of a citizen's document is personal data access, shown to the citizen.</summary>
    public static bool MustLogRead(Caller caller) => caller.Role == CallerRole.Agent;
}
