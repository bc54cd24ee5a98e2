using Grpc.Net.Client;
using ReportsService = CarteValoise.Contracts.Canteen.CanteenReports;
using ReservationsService = CarteValoise.Contracts.Reservations.Reservations;
using RulesService = CarteValoise.Contracts.Canteen.CanteenRules;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>The cloud's canteen services (rules, reservations, reports) over h2c on loopback, as the portal calls them.</summary>
public sealed class CanteenClients(Uri cloud) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);

    public RulesService.CanteenRulesClient Rules => new(channel);
    public ReservationsService.ReservationsClient Reservations => new(channel);
    public ReportsService.CanteenReportsClient Reports => new(channel);

    public void Dispose() => channel.Dispose();
}
