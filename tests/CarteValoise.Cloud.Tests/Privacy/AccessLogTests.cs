using CarteValoise.Cloud.Services;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Families;
using Xunit;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>The access log as the parent reads it: the household's and the account's merged, newest first, communes by name.</summary>
[Collection(PrivacySiloCollection.Name)]
public sealed class AccessLogTests(PrivacySilo silo)
{
    [Fact]
    public async Task Reads_of_the_family_and_of_the_account_are_listed_newest_first_with_the_agent_and_the_commune_named()
    {
        var household = await silo.NewHousehold();
        var start = silo.Time.GetUtcNow();
        await silo.AccessLog.RecordRead(PrivacySilo.Agent(household.Commune), household.FamilyId, "dossier famille", "inscription à la cantine");
        silo.Time.Advance(TimeSpan.FromMinutes(5));
        await silo.AccessLog.RecordAccountRead(PrivacySilo.Agent(household.Commune, "Agnès Durand"), household.Parent.AccountId,
            "document Justificatif de domicile", "demande n° 2026-000012");
        silo.Time.Advance(TimeSpan.FromMinutes(5));
        var outsider = new Caller("agent.x@exemple.fr", "Agent d'ailleurs", CallerRole.Agent, new HashSet<string> { "99999" }, null);
        await silo.AccessLog.RecordRefusal(outsider, household.FamilyId, "dossier famille");

        var log = await silo.Service.GetAccessLog(new GetAccessLogRequest(), silo.As(household.Parent));

        Assert.Equal(
        [
            (start.AddMinutes(10), "Agent d'ailleurs", "99999", "dossier famille", "accès refusé", false, "famille"),
            (start.AddMinutes(5), "Agnès Durand", "Cergy", "document Justificatif de domicile", "demande n° 2026-000012", true, "compte"),
            (start, "Agent de Cergy", "Cergy", "dossier famille", "inscription à la cantine", true, "famille"),
        ], log.Entries.Select(e => (e.At.ToDateTimeOffset(), e.AgentName, e.CommuneNames, e.What, e.Why, e.Allowed, e.Log)));
    }

    [Fact]
    public async Task Another_family_s_log_is_not_shown()
    {
        var household = await silo.NewHousehold();
        var other = await silo.NewHousehold();
        await silo.AccessLog.RecordRead(PrivacySilo.Agent(other.Commune), other.FamilyId, "dossier famille", "consultation");

        var log = await silo.Service.GetAccessLog(new GetAccessLogRequest(), silo.As(household.Parent));

        Assert.Empty(log.Entries);
        Assert.Single(await silo.Grains.GetGrain<IAccessLogGrain>(other.FamilyId).GetEntries());
    }

    [Fact]
    public async Task The_account_log_is_read_under_its_own_key()
    {
        var household = await silo.NewHousehold();
        await silo.Grains.GetGrain<IAccessLogGrain>(AccessLog.AccountLogKey(household.Parent.AccountId)).Record(
            new AccessLogEntry(silo.Time.GetUtcNow(), "agent", "Agent de Cergy", "document Livret de famille", "demande n° 7", true, [household.Commune]));

        var entry = Assert.Single((await silo.Service.GetAccessLog(new GetAccessLogRequest(), silo.As(household.Parent))).Entries);

        Assert.Equal(("document Livret de famille", "Cergy", "compte"), (entry.What, entry.CommuneNames, entry.Log));
    }
}
