using System.Runtime.ExceptionServices;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Taps;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Uplink;

/// <summary>
/// The box's one conversation with the cloud (EdgeSync.Sync): Hello first, then the outbox in
/// sequence order in batches, new taps as soon as they are on disk, a heartbeat every so often;
/// down the same call come acks (the box then deletes through the acknowledged sequence, never
/// before) and roster changes. Any break — network, cloud restart, refusal — ends the connection;
/// the box reconnects, to the next of the cloud's addresses when it has several (another silo of
/// the cluster, see <see cref="CloudRotation"/>), and sends everything still unacknowledged again:
/// the device grain that every silo shares drops what it already has. It never stops trying while
/// the box runs, and a refusal of its credentials is said loudly, not thrown.
/// An ack deletes only taps sent on the same connection: whatever the cloud claims, a tap the box
/// has not sent it is not deleted.
/// </summary>
public sealed class CloudUplink(
    BoxOptions box,
    TapOutbox outbox,
    RosterCache roster,
    BoxOutput output,
    ReaderHealth readerHealth,
    TimeProvider time,
    ILogger<CloudUplink> logger) : BackgroundService
{
    private readonly UplinkOptions _options = box.Uplink;
    private readonly Backoff _backoff = new(box.Uplink, new Random());
    private readonly AckApplier _acks = new(outbox, output, logger);

    /// <summary>
    /// As each ack arrives, with the cloud's "durable through" sequence (the load simulator times
    /// taps with it). The taps are deleted just after; the ACK line says when.
    /// </summary>
    public event Action<long>? Acknowledged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var addresses = CloudAddresses.Split(box.CloudAddress);
        // One channel per address, each with its own connections: a dead silo's leaves the others alone.
        var channels = addresses.Distinct().ToDictionary(a => a, OpenChannel);
        var rotation = new CloudRotation(addresses, _backoff);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var cloud = rotation.Current;
                var session = new SyncSession();
                var opened = time.GetTimestamp();
                TimeSpan delay;
                try
                {
                    await RunSessionAsync(new EdgeSync.EdgeSyncClient(channels[cloud]), cloud, session, stoppingToken);
                    delay = rotation.AfterBreak(session.Heard, Lasted(session, opened));
                    logger.LogInformation("Le cloud {Cloud} a clos la synchronisation ; {Next}.", cloud, rotation.NextStep(delay));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
                {
                    delay = rotation.AfterRefusal();
                    logger.LogError(
                        "Le cloud {Cloud} REFUSE la box « {BoxId} » ({Status} : {Detail}). Vérifiez Box:Id et Box:Secret (enrôlement de la box). "
                        + "Les passages restent sur la box ; nouvel essai dans {Delay:0} s.",
                        cloud, box.Id, ex.StatusCode, ex.Status.Detail, delay.TotalSeconds);
                }
                catch (Exception ex)
                {
                    delay = rotation.AfterBreak(session.Heard, Lasted(session, opened));
                    logger.LogWarning("Synchronisation avec le cloud {Cloud} interrompue ({Reason}) ; {Next}.", cloud, Describe(ex), rotation.NextStep(delay));
                }
                if (delay == TimeSpan.Zero) continue;
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            await _acks.Settled;
        }
        finally
        {
            foreach (var channel in channels.Values) channel.Dispose();
        }
    }

    private bool Lasted(SyncSession session, long opened) =>
        session.Heard && time.GetElapsedTime(opened) >= TimeSpan.FromSeconds(_options.MaxBackoffSeconds);

    private static GrpcChannel OpenChannel(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            // A school's network drops connections silently: pings find a dead one within a minute.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            EnableMultipleHttp2Connections = true,
        },
        DisposeHttpClient = true,
    });

    private async Task RunSessionAsync(EdgeSync.EdgeSyncClient client, string cloud, SyncSession session, CancellationToken stoppingToken)
    {
        using var sessionCancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var headers = new Metadata { { "x-box-id", box.Id }, { "x-box-secret", box.Secret } };
        using var call = client.Sync(headers, cancellationToken: sessionCancel.Token);

        var receiving = ReceiveAsync(call.ResponseStream, session, sessionCancel.Token);
        // When the box stops mid-session nobody awaits it: mark its failure as seen (await still rethrows).
        _ = receiving.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            session.RosterBase = roster.Version;
            var epoch = await outbox.EpochAsync();
            await call.RequestStream.WriteAsync(new BoxMessage
            {
                Hello = new Hello { RosterVersion = session.RosterBase, SoftwareVersion = Wire.SoftwareVersion, OutboxEpoch = epoch },
            }, sessionCancel.Token);
            logger.LogInformation("Synchronisation ouverte avec {Cloud} (liste version {RosterVersion}).", cloud, roster.Version);
            output.Uplink(cloud);
            await SendAsync(call.RequestStream, session, receiving, sessionCancel.Token);
        }
        catch (Exception sendFailure) when (!stoppingToken.IsCancellationRequested)
        {
            // A failed write says little; the response side carries the cloud's status (a refusal…).
            sessionCancel.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                await receiving;
            }
            catch (RpcException cloudStatus) when (cloudStatus.StatusCode != StatusCode.Cancelled)
            {
                throw;
            }
            catch (Exception)
            {
                // The send failure below says it better.
            }
            ExceptionDispatchInfo.Throw(sendFailure);
        }
        await receiving;
    }

    private async Task SendAsync(IClientStreamWriter<BoxMessage> requests, SyncSession session, Task receiving, CancellationToken cancel)
    {
        var heartbeatDue = Task.CompletedTask; // one at once, so the cloud knows the box's state on connection
        Task? lingered = null;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            // Taken before looking, so that a tap written meanwhile still wakes the loop.
            var appended = outbox.Appended.Next;
            var acknowledged = session.Acknowledged.Next;
            if (receiving.IsCompleted) return;

            if (heartbeatDue.IsCompleted)
            {
                await requests.WriteAsync(new BoxMessage { Heartbeat = await HeartbeatAsync() }, cancel);
                heartbeatDue = Task.Delay(TimeSpan.FromSeconds(_options.HeartbeatSeconds), time, cancel);
                continue;
            }

            var waitFor = appended;
            if (session.Unacknowledged < _options.MaxUnacknowledged)
            {
                var pending = await outbox.ReadPendingAsync(session.SentThrough, _options.BatchSize);
                // A full batch goes at once; a partial one waits a moment for company. A busy box
                // (or a backlog) sends fewer, fuller batches — each costs the cloud a write.
                if (pending.Count > 0 && (pending.Count == _options.BatchSize || lingered?.IsCompleted == true))
                {
                    var batch = new TapBatch();
                    foreach (var tap in pending) batch.Taps.Add(Wire.ToWire(tap));
                    // Marked before the write: the cloud's ack may be read before WriteAsync returns.
                    session.Sent(pending[0].Sequence, pending[^1].Sequence);
                    await requests.WriteAsync(new BoxMessage { Taps = batch }, cancel);
                    logger.LogDebug("Envoyé au cloud : passages {First} à {Last}.", pending[0].Sequence, pending[^1].Sequence);
                    lingered = null;
                    continue;
                }
                if (pending.Count > 0)
                {
                    lingered ??= _options.LingerMilliseconds > 0 ? Task.Delay(TimeSpan.FromMilliseconds(_options.LingerMilliseconds), time, cancel) : Task.CompletedTask;
                    if (lingered.IsCompleted) continue;
                    await Task.WhenAny(lingered, appended, heartbeatDue, receiving).WaitAsync(cancel);
                    continue;
                }
            }
            else
            {
                waitFor = acknowledged; // enough in flight: wait for the cloud to catch up
            }
            await Task.WhenAny(waitFor, acknowledged, heartbeatDue, receiving).WaitAsync(cancel);
        }
    }

    private async Task ReceiveAsync(IAsyncStreamReader<CloudMessage> responses, SyncSession session, CancellationToken cancel)
    {
        await foreach (var message in responses.ReadAllAsync(cancel))
        {
            session.MarkHeard();
            switch (message.BodyCase)
            {
                case CloudMessage.BodyOneofCase.Ack:
                    ApplyAck(message.Ack.DurableThroughSequence, session);
                    break;
                case CloudMessage.BodyOneofCase.Roster:
                    await ApplyRosterAsync(message.Roster, session);
                    break;
                default:
                    logger.LogWarning("Message du cloud inconnu de cette version de la box ({Body}) : ignoré.", message.BodyCase);
                    break;
            }
        }
    }

    private void ApplyAck(long durableThrough, SyncSession session)
    {
        session.Acked(durableThrough);
        Acknowledged?.Invoke(durableThrough);
        _acks.Request(durableThrough, Math.Min(durableThrough, session.SentThrough));
    }

    private async Task ApplyRosterAsync(RosterDelta delta, SyncSession session)
    {
        var update = Wire.FromWire(delta, ParisDay.Of(time.GetUtcNow()), out var rejected);
        if (rejected.Count > 0)
            logger.LogWarning("Liste des enfants version {Version} : {Count} valeur(s) invalide(s) ignorée(s) : {Rejected}.",
                delta.Version, rejected.Count, string.Join(", ", rejected));
        var applied = await roster.ApplyAsync(update, session.RosterBase);
        switch (applied.Outcome)
        {
            case RosterOutcome.AlreadyHeld:
                logger.LogInformation("Liste des enfants version {Version} déjà connue (la box a la version {Current}) : ignorée.", delta.Version, applied.Version);
                return;
            case RosterOutcome.NotOnTop:
                // The cloud answered another version than the one announced: start again from a fresh Hello.
                throw new InvalidOperationException(
                    $"mise à jour partielle de la liste des enfants (version {delta.Version}) faite pour la version {session.RosterBase}, "
                    + $"alors que la box a la version {applied.Version} ; reconnexion pour annoncer la bonne version");
        }
        session.RosterBase = applied.Version;
        logger.LogInformation("Liste des enfants version {Version} appliquée ({Entries} cartes, {School}, jour {Day}, {Kind}).",
            applied.Version, applied.Entries, update.SchoolName, ParisDay.Format(update.ServiceDate), update.Full ? "complète" : "partielle");
        output.Roster(applied.Version, applied.Entries);
    }

    private async Task<Heartbeat> HeartbeatAsync()
    {
        var state = await outbox.StateAsync();
        var heartbeat = new Heartbeat
        {
            SoftwareVersion = Wire.SoftwareVersion,
            OutboxDepth = state.Depth,
            ReaderStatus = readerHealth.Status,
            LastSequence = state.LastSequence,
            Mode = box.Mode.ToString(),
        };
        if (state.OldestReadAt is { } oldest) heartbeat.OldestUnsentReadAt = Timestamp.FromDateTimeOffset(oldest);
        if (readerHealth.LastReadAt is { } last) heartbeat.LastReadAt = Timestamp.FromDateTimeOffset(last);
        return heartbeat;
    }

    private static string Describe(Exception ex) => ex switch
    {
        RpcException rpc => $"{rpc.StatusCode} : {rpc.Status.Detail}",
        _ => ex.Message,
    };
}
