using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;
using Bracket = CarteValoise.Domain.Tariffs.TariffBracket;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// A commune's rules over gRPC, as the agents' rules page reads and saves them: each save a new
/// version, a save that changes nothing no version, bad rules refused with every problem on a line
/// of its own and nothing saved, and another commune's rules out of reach. Argenteuil's rules are the
/// ones changed, in a field its monthly billing does not use, so that no other test feels it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CanteenRulesTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Argenteuil = "95018";
    private const string ArgenteuilAgent = "agent.argenteuil@demo.cartevaloise.fr";

    [Fact]
    public Task An_agent_saves_a_new_version_and_saving_it_again_makes_none() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        var request = new GetRulesRequest { CommuneInseeCode = Argenteuil };
        var before = await canteen.Rules.GetRulesAsync(request, agent, CloudApi.Deadline);
        var versionsBefore = (await canteen.Rules.ListRuleVersionsAsync(request, agent, CloudApi.Deadline)).Versions.Count;
        Assert.Equal(BillingModeKind.BillingModeMonthlyInvoice, before.BillingMode);

        var changed = before.Clone();
        changed.LowBalanceThresholdCents += 100;
        var saved = await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = Argenteuil, Rules = changed }, agent, CloudApi.Deadline);

        Assert.Equal(before.Version + 1, saved.Version);
        Assert.Equal("Agent d'Argenteuil", saved.SavedBy);
        Assert.Equal(before.LowBalanceThresholdCents + 100, saved.LowBalanceThresholdCents);
        var inForce = await canteen.Rules.GetRulesAsync(request, agent, CloudApi.Deadline);
        Assert.Equal(saved, inForce);
        var versions = (await canteen.Rules.ListRuleVersionsAsync(request, agent, CloudApi.Deadline)).Versions;
        Assert.Equal(versionsBefore + 1, versions.Count);
        Assert.Equal(saved, versions[^1]);

        // The tariff as the délibération states it, written by the Domain from the same brackets.
        var resident = inForce.Services.Single(s => s.Service == SchoolServiceKind.SchoolServiceCanteen).Tariff.Resident;
        Assert.Equal(BracketPrice.Create(resident.Brackets.Brackets.Select(b => new Bracket(b.QuotientBelow, b.PriceCents)), resident.Brackets.FullPriceCents).Description,
            resident.Description);

        var again = await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = Argenteuil, Rules = changed }, agent, CloudApi.Deadline);
        Assert.Equal(saved.Version, again.Version);
        Assert.Equal(versionsBefore + 1, (await canteen.Rules.ListRuleVersionsAsync(request, agent, CloudApi.Deadline)).Versions.Count);
    });

    [Fact]
    public Task Unreadable_cut_offs_are_refused_one_problem_per_line_and_nothing_is_saved() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        var request = new GetRulesRequest { CommuneInseeCode = Argenteuil };
        var before = await canteen.Rules.GetRulesAsync(request, agent, CloudApi.Deadline);
        var versionsBefore = (await canteen.Rules.ListRuleVersionsAsync(request, agent, CloudApi.Deadline)).Versions.Count;

        var invalid = before.Clone();
        invalid.ReservationCutOff = "tous les jours";
        invalid.CancellationCutOff = "jamais";
        invalid.LowBalanceThresholdCents += 1;
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = Argenteuil, Rules = invalid }, agent, CloudApi.Deadline));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal([$"Délai de réservation : {CutOffProblem("tous les jours")}", $"Délai d'annulation : {CutOffProblem("jamais")}"],
            refused.Status.Detail.Split('\n'));
        Assert.Equal(before, await canteen.Rules.GetRulesAsync(request, agent, CloudApi.Deadline));
        Assert.Equal(versionsBefore, (await canteen.Rules.ListRuleVersionsAsync(request, agent, CloudApi.Deadline)).Versions.Count);
    });

    [Fact]
    public Task Another_communes_rules_are_refused_to_an_agent_and_every_commune_rules_to_a_parent() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var pontoise = new GetRulesRequest { CommuneInseeCode = Demo.Pontoise };
        var pontoiseRules = await canteen.Rules.GetRulesAsync(pontoise, await cloud.SignInAsync("agent.pontoise@demo.cartevaloise.fr", Demo.AgentPassword), CloudApi.Deadline);

        var read = await Assert.ThrowsAsync<RpcException>(async () => await canteen.Rules.GetRulesAsync(pontoise, agent, CloudApi.Deadline));
        var listed = await Assert.ThrowsAsync<RpcException>(async () => await canteen.Rules.ListRuleVersionsAsync(pontoise, agent, CloudApi.Deadline));
        var saved = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Rules.SaveRulesAsync(new SaveRulesRequest { CommuneInseeCode = Demo.Pontoise, Rules = pontoiseRules }, agent, CloudApi.Deadline));
        var byParent = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = Demo.Cergy }, parent, CloudApi.Deadline));

        foreach (var refusal in new[] { read, listed, saved, byParent })
        {
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
            Assert.Equal("Accès refusé aux règles de cette commune.", refusal.Status.Detail);
        }
    });

    private static string CutOffProblem(string text)
    {
        var refused = Assert.Throws<InvalidRulesException>(() => CutOffRule.Parse(text));
        return Assert.Single(refused.Problems);
    }
}
