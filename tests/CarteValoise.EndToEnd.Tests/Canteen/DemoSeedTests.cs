using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// The demo seed, as the AppHost runs it (canteen on Monday, Tuesday, Thursday and Friday): Cergy
/// keeps the defaults (no version saved), Argenteuil bills monthly (one version), and a restart on the
/// same data makes no new version and changes no family. This test runs clouds of its own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoSeedTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_restarted_demo_seeds_no_new_rules_version_and_changes_no_family() => platform.RunAsync(output, async () =>
    {
        var settings = CloudSettings.Fresh(platform.NewDataDirectory("demo-seed"), [],
            new Dictionary<string, string> { ["Demo__CanteenDays"] = "Monday,Tuesday,Thursday,Friday" });

        var first = await ReadAsync(await platform.StartCloudAsync("demo seed", settings), settings);
        Assert.Equal(0, first.Cergy.Version);
        Assert.Empty(first.CergyVersions);
        Assert.Equal(BillingModeKind.BillingModePrepaidBalance, first.Cergy.BillingMode);
        Assert.Equal(1, first.Argenteuil.Version);
        Assert.Equal(BillingModeKind.BillingModeMonthlyInvoice, first.Argenteuil.BillingMode);
        Assert.Equal("Données de démonstration", first.Argenteuil.SavedBy);
        Assert.Equal(4000, first.Family.BalanceCents);
        Assert.False(first.Family.BilledMonthly);

        var second = await ReadAsync(await platform.StartCloudAsync("demo seed, restarted", settings), settings);
        Assert.Equal(first.Cergy, second.Cergy);
        Assert.Equal(first.CergyVersions, second.CergyVersions);
        Assert.Equal(first.Argenteuil, second.Argenteuil);
        Assert.Equal(first.ArgenteuilVersions, second.ArgenteuilVersions);
        Assert.Equal(first.Family, second.Family);
    });

    private sealed record Seeded(CommuneRules Cergy, IReadOnlyList<CommuneRules> CergyVersions, CommuneRules Argenteuil,
        IReadOnlyList<CommuneRules> ArgenteuilVersions, FamilySummary Family);

    /// <summary>What the seed left, read as the demo agents and parent read it; then the cloud is killed (its output stays for a failure's dump).</summary>
    private static async Task<Seeded> ReadAsync(Processes.RunningProcess silo, CloudSettings settings)
    {
        try
        {
            using var cloud = new CloudApi(settings.Address);
            using var canteen = new CanteenClients(settings.Address);
            var cergy = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
            var argenteuil = await cloud.SignInAsync("agent.argenteuil@demo.cartevaloise.fr", Demo.AgentPassword);
            var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
            var cergyRules = new GetRulesRequest { CommuneInseeCode = Demo.Cergy };
            var argenteuilRules = new GetRulesRequest { CommuneInseeCode = "95018" };
            return new Seeded(
                await canteen.Rules.GetRulesAsync(cergyRules, cergy, CloudApi.Deadline),
                [.. (await canteen.Rules.ListRuleVersionsAsync(cergyRules, cergy, CloudApi.Deadline)).Versions],
                await canteen.Rules.GetRulesAsync(argenteuilRules, argenteuil, CloudApi.Deadline),
                [.. (await canteen.Rules.ListRuleVersionsAsync(argenteuilRules, argenteuil, CloudApi.Deadline)).Versions],
                await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), parent, CloudApi.Deadline));
        }
        finally
        {
            await silo.KillAsync();
        }
    }
}
