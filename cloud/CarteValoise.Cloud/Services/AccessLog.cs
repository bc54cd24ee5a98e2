using CarteValoise.Domain.Access;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Services;

/// <summary>Writes reads of a family's data, and refused attempts, to the log that the family can read.</summary>
public sealed class AccessLog(IGrainFactory grains, TimeProvider time, ILogger<AccessLog> logger)
{
    public Task RecordRead(Caller caller, string familyId, string what, string why) =>
        grains.GetGrain<IAccessLogGrain>(familyId).Record(new AccessLogEntry(time.GetUtcNow(), caller.AccountId, caller.DisplayName, what, why, Allowed: true, Communes(caller)));

    /// <summary>
    /// A read of what belongs to an account rather than to a family (its document safe): written to
    /// the account's own log, keyed <see cref="AccountLogKey"/>, which "Mes données" shows beside the family's.
    /// </summary>
    public Task RecordAccountRead(Caller caller, string accountId, string what, string why) =>
        grains.GetGrain<IAccessLogGrain>(AccountLogKey(accountId)).Record(new AccessLogEntry(time.GetUtcNow(), caller.AccountId, caller.DisplayName, what, why, Allowed: true, Communes(caller)));

    /// <summary>The communes the reader acts for: the citizen sees "who" as the agent and their commune.</summary>
    private static IReadOnlyList<string> Communes(Caller caller) => [.. caller.CommuneCodes.Order()];

    public static string AccountLogKey(string accountId) => $"account:{accountId}";

    public async Task RecordRefusal(Caller caller, string familyId, string what)
    {
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé {What} de la famille {FamilyId}", caller.AccountId, caller.Role, what, familyId);
        await grains.GetGrain<IAccessLogGrain>(familyId).Record(
            new AccessLogEntry(time.GetUtcNow(), caller.AccountId, caller.DisplayName, what, "accès refusé", Allowed: false, Communes(caller)));
    }
}
