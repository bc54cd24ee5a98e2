using Grpc.Core;
using Grpc.Net.Client;
using AccountsService = CarteValoise.Contracts.Accounts.Accounts;
using CanteenService = CarteValoise.Contracts.Families.Canteen;
using EdgeSyncService = CarteValoise.Contracts.EdgeSync.EdgeSync;
using FamiliesService = CarteValoise.Contracts.Families.Families;
using SignInRequest = CarteValoise.Contracts.Accounts.SignInRequest;

namespace CarteValoise.EndToEnd.Tests.Grpc;

/// <summary>The cloud's gRPC services over h2c on loopback, as the portal, the kiosk and the boxes call them.</summary>
public sealed class CloudApi(Uri cloud) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);

    public AccountsService.AccountsClient Accounts => new(channel);
    public FamiliesService.FamiliesClient Families => new(channel);
    public CanteenService.CanteenClient Canteen => new(channel);
    public EdgeSyncService.EdgeSyncClient EdgeSync => new(channel);

    public static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    /// <summary>Signs in and returns the headers every later call carries: "authorization: Bearer &lt;token&gt;".</summary>
    public async Task<Metadata> SignInAsync(string email, string password)
    {
        var session = await Accounts.SignInAsync(new SignInRequest { Email = email, Password = password }, deadline: Deadline);
        Assert.False(string.IsNullOrEmpty(session.Token), $"The cloud signed in {email} without a token.");
        return new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }

    public void Dispose() => channel.Dispose();
}
