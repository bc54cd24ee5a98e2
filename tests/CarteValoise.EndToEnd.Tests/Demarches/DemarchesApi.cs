using CarteValoise.EndToEnd.Tests.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using AccountsService = CarteValoise.Contracts.Accounts.Accounts;
using CatalogueService = CarteValoise.Contracts.Demarches.DemarcheCatalogue;
using CitizenService = CarteValoise.Contracts.Demarches.Demarches;
using DeskService = CarteValoise.Contracts.Demarches.DemarcheDesk;
using DocumentsService = CarteValoise.Contracts.Documents.Documents;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>The cloud's démarche services (and the safe and household ones they lean on) over h2c, as the portal calls them.</summary>
public sealed class DemarchesApi(Uri cloud) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);
    private readonly CloudApi cloudApi = new(cloud);

    public CitizenService.DemarchesClient Citizen => new(channel);
    public DeskService.DemarcheDeskClient Desk => new(channel);
    public CatalogueService.DemarcheCatalogueClient Catalogue => new(channel);
    public DocumentsService.DocumentsClient Documents => new(channel);
    public HouseholdsService.HouseholdsClient Households => new(channel);
    public AccountsService.AccountsClient Accounts => new(channel);

    public static DateTime Deadline => CloudApi.Deadline;

    public Task<Metadata> SignInAsync(string email, string password) => cloudApi.SignInAsync(email, password);

    /// <summary>The refusal a call ends with; fails the test when the call succeeds.</summary>
    public static async Task<RpcException> RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    /// <summary>The form fields the cloud names for each line of an INVALID_ARGUMENT, in order.</summary>
    public static IReadOnlyList<string> ProblemFields(RpcException refusal) =>
        (refusal.Trailers.GetValue("carte-problem-fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        cloudApi.Dispose();
        channel.Dispose();
    }
}
