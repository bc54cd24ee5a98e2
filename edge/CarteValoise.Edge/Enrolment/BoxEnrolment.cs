using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Uplink;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Enrolment;

/// <summary>
/// Exchanges the one-time code for the box's credential (EdgeSync.Enrol). A refused code is final
/// (<see cref="EnrolmentRefusedException"/>, in words for the person installing the box); a cloud
/// out of reach is not: the box tries again with backoff, since a Pi often boots before its network.
/// Given several addresses (Box:CloudAddress as a list), a silo out of reach sends the box to the
/// next one at once; the backoff is waited once all have failed.
/// </summary>
public sealed class BoxEnrolment(string cloudAddress, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(60);

    public async Task<BoxCredential> EnrolAsync(string code, CancellationToken cancellationToken)
    {
        var addresses = CloudAddresses.Split(cloudAddress);
        var channels = addresses.Distinct().ToDictionary(a => a, a => GrpcChannel.ForAddress(a));
        try
        {
            return await EnrolAsync(code, addresses, channels, cancellationToken);
        }
        finally
        {
            foreach (var channel in channels.Values) channel.Dispose();
        }
    }

    private async Task<BoxCredential> EnrolAsync(
        string code, IReadOnlyList<string> addresses, Dictionary<string, GrpcChannel> channels, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        for (var attempt = 0; ; attempt++)
        {
            var cloud = addresses[attempt % addresses.Count];
            var client = new EdgeSync.EdgeSyncClient(channels[cloud]);
            try
            {
                var reply = await client.EnrolAsync(
                    new EnrolRequest { Code = code.Trim(), SoftwareVersion = Wire.SoftwareVersion },
                    deadline: time.GetUtcNow().UtcDateTime + CallTimeout,
                    cancellationToken: cancellationToken);
                if (string.IsNullOrWhiteSpace(reply.BoxId) || string.IsNullOrWhiteSpace(reply.Secret))
                    throw new EnrolmentRefusedException($"Le cloud {cloud} a répondu à l'enrôlement sans identifiant ni secret : la box ne peut pas s'en servir.");
                return new BoxCredential(reply.BoxId, reply.Secret, reply.SchoolId, reply.SchoolName);
            }
            catch (RpcException ex) when (Refusal(ex) is { } refusal)
            {
                throw new EnrolmentRefusedException(refusal);
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                var reason = ex is RpcException rpc ? $"{rpc.StatusCode} : {rpc.Status.Detail}" : ex.Message;
                if ((attempt + 1) % addresses.Count != 0)
                {
                    logger.LogWarning("Enrôlement : le cloud {Cloud} ne répond pas ({Reason}) ; essai de {Next} tout de suite.",
                        cloud, reason, addresses[(attempt + 1) % addresses.Count]);
                    continue;
                }
                // The wait is armed before it is announced: whoever moves the clock on reading this line finds the timer there.
                var wait = Task.Delay(retry, time, cancellationToken);
                logger.LogWarning("Enrôlement : le cloud {Cloud} ne répond pas ({Reason}) ; nouvel essai dans {Delay:0} s.",
                    cloud, reason, retry.TotalSeconds);
                await wait;
                retry = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, retry.Ticks * 2));
            }
        }
    }

    private static string? Refusal(RpcException ex)
    {
        const string Ask = "Demandez à un agent un nouveau code dans /Admin (boîtes de lecture de l'école), mettez-le dans Box__EnrolmentCode "
            + "(/etc/cartevaloise-box.env) puis redémarrez la box (systemctl restart cartevaloise-box).";
        return ex.StatusCode switch
        {
            StatusCode.NotFound => $"Code d'enrôlement inconnu du cloud ({ex.Status.Detail}). Vérifiez qu'il est recopié sans erreur. {Ask}",
            StatusCode.FailedPrecondition => $"Code d'enrôlement expiré ou déjà utilisé ({ex.Status.Detail}). {Ask}",
            StatusCode.PermissionDenied => $"Code d'enrôlement refusé par le cloud ({ex.Status.Detail}). {Ask}",
            StatusCode.InvalidArgument => $"Code d'enrôlement mal formé ({ex.Status.Detail}). {Ask}",
            StatusCode.Unauthenticated => $"Enrôlement refusé par le cloud ({ex.Status.Detail}). {Ask}",
            _ => null,
        };
    }
}
