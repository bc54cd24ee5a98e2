using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Net.Client;
using PaymentsService = CarteValoise.Contracts.Payments.Payments;

namespace CarteValoise.EndToEnd.Tests.Web.Payments;

/// <summary>
/// Whom the online payment tests act for. Pontoise bills from a prepaid balance and its demo family
/// 95500-F001 is topped up by these tests only (no box taps at Pontoise in the shared cloud, so its
/// balance moves with these payments alone); Argenteuil bills monthly, and the browser test pays an
/// invoice of its demo family from a month no other test closes. Every payment has an idOp of its
/// own, which is how each test finds its own among the others'.
/// </summary>
public static class PaymentsDemo
{
    public const string PontoiseParent = Demo.PontoiseParent;
    public const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";
    public const string Pontoise = Demo.Pontoise;
    public const string PontoiseFamily = Demo.PontoiseFamily;
    public const string ArgenteuilParent = "parent.argenteuil@demo.cartevaloise.fr";
    public const string ArgenteuilAgent = "agent.argenteuil@demo.cartevaloise.fr";
    public const string Argenteuil = "95018";
    public const string ArgenteuilFamily = "95018-F001";

    public const string SandboxPage = "/bac-a-sable/payfip/tpa/paiementws.web";
}

/// <summary>The cloud's Payments and Families services, as a signed-in user calls them.</summary>
public sealed class PaymentsCloud(Uri cloud) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);
    private readonly CloudApi api = new(cloud);

    public PaymentsService.PaymentsClient Payments => new(channel);

    public Task<Metadata> SignInAsync(string email, string password) => api.SignInAsync(email, password);

    public async Task<FamilySummary> FamilyAsync(Metadata parent) =>
        await api.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), parent, CloudApi.Deadline);

    public void Dispose()
    {
        api.Dispose();
        channel.Dispose();
    }
}
