using CarteValoise.Cloud.Privacy;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Privacy;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>«Mes données» is the parent's own: agents (even of the family's commune), kiosks and administrators are refused; the policy is public.</summary>
[Collection(PrivacySiloCollection.Name)]
public sealed class RefusalTests(PrivacySilo silo)
{
    public static TheoryData<string> NotTheCitizen => ["agent", "kiosk", "administrator"];

    private static Caller Who(string kind, Household household) => kind switch
    {
        "agent" => PrivacySilo.Agent(household.Commune),
        "kiosk" => new Caller($"kiosk:borne-1:{household.FamilyId}", "Martin", CallerRole.KioskFamily, new HashSet<string> { household.Commune }, household.FamilyId),
        _ => new Caller("admin@exemple.fr", "Administrateur", CallerRole.Administrator, new HashSet<string>(), null),
    };

    [Theory]
    [MemberData(nameof(NotTheCitizen))]
    public async Task Only_the_parent_reads_downloads_or_closes(string kind)
    {
        var household = await silo.NewHousehold();
        var caller = silo.As(Who(kind, household));
        Func<Task>[] calls =
        [
            () => silo.Service.DownloadMyData(new DownloadMyDataRequest(), new ChunkCollector(), caller),
            () => silo.Service.GetMyDataSummary(new GetMyDataSummaryRequest(), caller),
            () => silo.Service.GetAccessLog(new GetAccessLogRequest(), caller),
            () => silo.Service.GetAccountClosure(new GetAccountClosureRequest(), caller),
            () => silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "x" }, caller),
            () => silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "y" }, caller),
        ];

        foreach (var call in calls)
        {
            var refusal = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal((StatusCode.PermissionDenied, CitizenOnly.Refusal), (refusal.StatusCode, refusal.Status.Detail));
        }
        Assert.Null(await silo.Grains.GetGrain<IAccountClosureGrain>(Who(kind, household).AccountId).Get());
    }

    [Fact]
    public async Task Without_a_session_every_call_but_the_policy_is_unauthenticated()
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() => silo.Service.GetAccessLog(new GetAccessLogRequest(), new CallContext(null)));
        var policy = await silo.Service.GetRetentionPeriods(new GetRetentionPeriodsRequest(), new CallContext(null));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(13, policy.Periods.Count);
        Assert.StartsWith("La clôture de votre compte prend effet 30 jours après votre demande", policy.ClosureRule);
        Assert.Contains(policy.Periods, p => p is { Kind: "factures-paiements", KeptAfterClosure: true });
    }
}
