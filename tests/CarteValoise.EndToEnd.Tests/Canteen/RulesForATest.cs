using CarteValoise.Contracts.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// A commune's rules changed for the length of one test, saved by its agent as the rules page saves
/// them, and the rules in force before saved back when the test ends, however it ends (a version of
/// their own, equal to them). A change that changes nothing saves no version, neither does its undoing.
/// Test classes run one after the other, so no other test sees the change.
/// </summary>
public sealed class RulesForATest : IAsyncDisposable
{
    private readonly CanteenClients canteen;
    private readonly Metadata agent;
    private readonly string commune;
    private readonly CommuneRules before;

    private RulesForATest(CanteenClients canteen, Metadata agent, string commune, CommuneRules before, CommuneRules inForce)
    {
        this.canteen = canteen;
        this.agent = agent;
        this.commune = commune;
        this.before = before;
        InForce = inForce;
    }

    /// <summary>The rules in force during the test, as the cloud answered the save.</summary>
    public CommuneRules InForce { get; }

    public static async Task<RulesForATest> SaveAsync(Uri cloud, string agentEmail, string commune, Action<CommuneRules> change)
    {
        var canteen = new CanteenClients(cloud);
        try
        {
            using var accounts = new CloudApi(cloud);
            var agent = await accounts.SignInAsync(agentEmail, Demo.AgentPassword);
            var before = await canteen.Rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = commune }, agent, CloudApi.Deadline);
            var changed = before.Clone();
            change(changed);
            var inForce = await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = commune, Rules = changed }, agent, CloudApi.Deadline);
            return new RulesForATest(canteen, agent, commune, before, inForce);
        }
        catch
        {
            canteen.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = commune, Rules = before }, agent, CloudApi.Deadline);
        }
        finally
        {
            canteen.Dispose();
        }
    }
}
