using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Boxes;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Schools;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>
/// The cloud end of a reader box's stream. The box is authenticated from its headers before any
/// message is read; taps go to the box's device grain, which applies each sequence number once and
/// answers how far the box's taps are durable; that number is the acknowledgement. Roster changes
/// are pushed after each message the box sends (taps or its periodic heartbeat).
/// </summary>
public sealed class EdgeSyncService(IGrainFactory grains, TimeProvider time, ILogger<EdgeSyncService> logger) : EdgeSync.EdgeSyncBase
{
    public override async Task Sync(IAsyncStreamReader<BoxMessage> requestStream, IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context)
    {
        var boxId = context.RequestHeaders.GetValue("x-box-id") ?? "";
        var secret = context.RequestHeaders.GetValue("x-box-secret") ?? "";
        var device = grains.GetGrain<IDeviceGrain>(boxId.Length == 0 ? "-" : boxId);
        var enrolment = boxId.Length == 0 || secret.Length == 0 ? null : await device.Authenticate(secret);
        if (enrolment is null)
        {
            logger.LogWarning("Boîte refusée : identifiant {BoxId} inconnu ou secret incorrect (depuis {Peer})", boxId, context.Peer);
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Boîte inconnue ou secret incorrect."));
        }

        try
        {
            await Converse(device, enrolment, requestStream, responseStream, context);
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && context.CancellationToken.IsCancellationRequested))
        {
            // A box that loses power or network drops its stream: routine, and nothing is lost (it resends what was not acknowledged).
            logger.LogInformation("Boîte {BoxId} déconnectée : {Reason}", boxId, e.Message);
        }
    }

    private async Task Converse(IDeviceGrain device, DeviceEnrolment enrolment, IAsyncStreamReader<BoxMessage> requestStream,
        IServerStreamWriter<CloudMessage> responseStream, ServerCallContext context)
    {
        var boxId = enrolment.BoxId;
        var school = grains.GetGrain<ISchoolGrain>(enrolment.SchoolId);
        long rosterVersionOnBox = -1;
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            switch (message.BodyCase)
            {
                case BoxMessage.BodyOneofCase.Hello:
                    rosterVersionOnBox = message.Hello.RosterVersion;
                    await device.StartSeries(message.Hello.OutboxEpoch);
                    logger.LogInformation("Boîte {BoxId} connectée (version {Version})", boxId, message.Hello.SoftwareVersion);
                    break;
                case BoxMessage.BodyOneofCase.Taps:
                    var durable = await device.ApplyTaps(message.Taps.Taps.Select(ToBoxTap).ToList());
                    await responseStream.WriteAsync(new CloudMessage { Ack = new Ack { DurableThroughSequence = durable } });
                    break;
                case BoxMessage.BodyOneofCase.Heartbeat:
                    await device.RecordHeartbeat(ToHeartbeat(message.Heartbeat));
                    break;
            }
            rosterVersionOnBox = await PushRosterIfChanged(school, rosterVersionOnBox, responseStream);
        }
    }

    private async Task<long> PushRosterIfChanged(ISchoolGrain school, long versionOnBox, IServerStreamWriter<CloudMessage> responseStream)
    {
        var roster = await school.GetRoster(versionOnBox, ServiceDay.Today(time));
        if (!roster.Changed) return versionOnBox;
        var delta = new RosterDelta { Version = roster.Version, Full = roster.Full, SchoolName = roster.SchoolName, ServiceDate = ServiceDay.Format(roster.Day) };
        delta.Upserts.AddRange(roster.Entries.Select(e => new RosterEntry
        {
            CardUid = e.CardUid, ChildId = e.ChildId, FirstName = e.FirstName,
            CanteenToday = e.CanteenToday, AllergyPlan = e.AllergyPlan, Blocked = e.Blocked, CareToday = e.CareToday,
        }));
        delta.RemovedCardUids.AddRange(roster.RemovedCardUids);
        await responseStream.WriteAsync(new CloudMessage { Roster = delta });
        return roster.Version;
    }

    public override async Task<EnrolReply> Enrol(EnrolRequest request, ServerCallContext context)
    {
        var code = EnrolmentCode.Normalise(request.Code)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Code d'enrôlement mal formé : 10 lettres et chiffres, par exemple ABCDE-FGHJK."));
        var redemption = await grains.GetGrain<IEnrolmentCodeGrain>(SecretHash.Of(code)).Redeem();
        switch (redemption.Outcome)
        {
            case CodeRedemption.Unknown:
                logger.LogWarning("Enrôlement refusé : code inconnu (depuis {Peer})", context.Peer);
                throw new RpcException(new Status(StatusCode.NotFound, "Code d'enrôlement inconnu : vérifiez-le auprès de la mairie."));
            case CodeRedemption.Expired:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, "Code d'enrôlement expiré : demandez-en un nouveau dans l'espace agents."));
            case CodeRedemption.AlreadyUsed:
                logger.LogWarning("Enrôlement refusé : code déjà utilisé pour la boîte {BoxId} (depuis {Peer})", redemption.BoxId, context.Peer);
                throw new RpcException(new Status(StatusCode.PermissionDenied, "Ce code d'enrôlement a déjà servi : demandez-en un nouveau dans l'espace agents."));
        }

        var secret = SecretHash.NewSecret();
        var enrolment = await grains.GetGrain<IDeviceGrain>(redemption.BoxId!).CompleteEnrolment(SecretHash.Of(secret));
        var school = await grains.GetGrain<ISchoolGrain>(enrolment.SchoolId).GetProfile();
        logger.LogInformation("Boîte {BoxId} enrôlée pour l'école {SchoolId} (version {Version})", enrolment.BoxId, enrolment.SchoolId, request.SoftwareVersion);
        return new EnrolReply { BoxId = enrolment.BoxId, Secret = secret, SchoolId = enrolment.SchoolId, SchoolName = school?.Name ?? enrolment.SchoolId };
    }

    private BoxHeartbeat ToHeartbeat(Heartbeat heartbeat) => new(
        time.GetUtcNow(),
        heartbeat.SoftwareVersion,
        heartbeat.OutboxDepth,
        heartbeat.OldestUnsentReadAt?.ToDateTimeOffset(),
        heartbeat.LastReadAt?.ToDateTimeOffset(),
        heartbeat.ReaderStatus,
        heartbeat.LastSequence,
        heartbeat.Mode);

    private static BoxTap ToBoxTap(Tap tap) => new(
        tap.Sequence,
        // A UID the cloud cannot read still takes its sequence number, as an unknown card.
        CardUid.TryParse(tap.CardUid, out var uid) ? uid.Value.Value : "ILLISIBLE",
        tap.ReadAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue,
        tap.Service switch
        {
            ServiceKind.CareCheckIn => TapService.CareCheckIn,
            ServiceKind.CareCheckOut => TapService.CareCheckOut,
            _ => TapService.Canteen,
        },
        tap.Decision switch
        {
            TapDecision.Accepted => BoxDecision.Accepted,
            TapDecision.AlreadyServed => BoxDecision.AlreadyServed,
            TapDecision.NotExpected => BoxDecision.NotExpected,
            TapDecision.BlockedCard => BoxDecision.BlockedCard,
            _ => BoxDecision.UnknownCard,
        });
}
