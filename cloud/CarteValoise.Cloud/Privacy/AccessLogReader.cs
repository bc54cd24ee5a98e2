using CarteValoise.Cloud.Services;
using CarteValoise.Domain.Access;
using CarteValoise.Grains;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Privacy;

/// <summary>One read of the citizen's data as they see it: the agent, the communes they acted for by name, what, why, and which log.</summary>
public sealed record AccessLogLine(DateTimeOffset At, string AgentName, IReadOnlyList<string> Communes, string What, string Why, bool Allowed, string Log);

/// <summary>
/// The household's access log and the account's own (AccessLog.AccountLogKey: its document safe),
/// merged newest first, with the communes named as the département's directory names them.
/// </summary>
public sealed class AccessLogReader(IGrainFactory grains)
{
    public const string FamilyLog = "famille";
    public const string AccountLog = "compte";

    public async Task<IReadOnlyList<AccessLogLine>> ReadAsync(Caller citizen)
    {
        var familyTask = citizen.FamilyId is { } familyId
            ? grains.GetGrain<IAccessLogGrain>(familyId).GetEntries()
            : Task.FromResult<IReadOnlyList<AccessLogEntry>>([]);
        var accountTask = grains.GetGrain<IAccessLogGrain>(AccessLog.AccountLogKey(citizen.AccountId)).GetEntries();
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();

        return [.. (await familyTask).Select(e => Line(e, FamilyLog, communes))
            .Concat((await accountTask).Select(e => Line(e, AccountLog, communes)))
            .OrderByDescending(l => l.At)];
    }

    private static AccessLogLine Line(AccessLogEntry entry, string log, IReadOnlyDictionary<string, string> communes) =>
        new(entry.At, entry.DisplayName,
            [.. (entry.CommuneCodes ?? []).Select(code => communes.GetValueOrDefault(code, code))],
            entry.What, entry.Why, entry.Allowed, log);
}
