using CarteValoise.Domain.Access;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Services;

/// <summary>Writes reads of a family's data, and refused attempts, to the log that the family can read.</summary>
public sealed class AccessLog(IGrainFactory grains, TimeProvider time, ILogger<AccessLog> logger)
{
    public Task RecordRead(Caller caller, string familyId, string what, string why) =>
        grains.GetGrain<IAccessLogGrain>(familyId).Record(new AccessLogEntry(time.GetUtcNow(), caller.AccountId, caller.DisplayName, what, why, Allowed: true));

    public async Task RecordRefusal(Caller caller, string familyId, string what)
    {
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé {What} de la famille {FamilyId}", caller.AccountId, caller.Role, what, familyId);
        await grains.GetGrain<IAccessLogGrain>(familyId).Record(
            new AccessLogEntry(time.GetUtcNow(), caller.AccountId, caller.DisplayName, what, "accès refusé", Allowed: false));
    }
}
