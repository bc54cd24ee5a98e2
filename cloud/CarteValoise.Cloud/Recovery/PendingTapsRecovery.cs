using CarteValoise.Grains;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Devices;

namespace CarteValoise.Cloud.Recovery;

/// <summary>
/// After a crash, taps that were acknowledged (durable in their box's journal) may not have reached
/// the children, families and school days on disk yet. Before the silo takes any call, every box's
/// journal is applied again, so that a parent or an agent never sees less than what was acknowledged.
/// A box whose journal cannot land yet (in a cluster, a silo of its children is down) does not keep
/// this silo from starting: its journal stays, and its own checkpoint timer tries again every second.
/// </summary>
public sealed class PendingTapsRecovery(IGrainFactory grains, ILogger<PendingTapsRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
        var recovered = 0;
        foreach (var commune in communes.Keys)
        foreach (var boxId in await grains.GetGrain<ICommuneGrain>(commune).GetBoxIds())
        {
            try
            {
                recovered += await grains.GetGrain<IDeviceGrain>(boxId).RecoverPendingTaps();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Boîte {BoxId} : journal pas encore réappliqué au démarrage, le point de contrôle de la boîte réessaiera", boxId);
            }
        }
        if (recovered > 0) logger.LogInformation("{Count} passage(s) acquittés réappliqués au démarrage", recovered);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
