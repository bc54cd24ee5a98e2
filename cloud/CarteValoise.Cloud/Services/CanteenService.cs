using CarteValoise.Cloud.Identity;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Boxes;
using CarteValoise.Domain.Calendar;
using CarteValoise.Grains;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Schools;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

public sealed class CanteenService(
    IGrainFactory grains,
    CallerResolver callers,
    TimeProvider time,
    BoxHealthThresholds thresholds,
    ILogger<CanteenService> logger) : Canteen.CanteenBase
{
    public override async Task<DailyMealCounts> GetDailyMealCounts(DailyMealCountsRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        if (!ServiceDay.TryParse(request.Date, time, out var day))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Date « {request.Date} » invalide : attendu AAAA-MM-JJ."));
        var communeGrain = grains.GetGrain<ICommuneGrain>(commune);
        var profile = await communeGrain.GetProfile();
        var schools = await communeGrain.GetSchools();
        var counts = await Task.WhenAll(schools.Select(s => grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(s.SchoolId, day)).GetMealCount()));

        var reply = new DailyMealCounts { CommuneInseeCode = commune, CommuneName = profile?.Name ?? commune, Date = ServiceDay.Format(day) };
        reply.Schools.AddRange(schools.Select((s, i) => new SchoolMealCount { SchoolId = s.SchoolId, SchoolName = s.Name, Meals = counts[i] }));
        return reply;
    }

    public override async Task<BoxList> ListBoxes(ListBoxesRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        var communeGrain = grains.GetGrain<ICommuneGrain>(commune);
        var schools = (await communeGrain.GetSchools()).ToDictionary(s => s.SchoolId, s => s.Name);
        var statuses = await Task.WhenAll((await communeGrain.GetBoxIds()).Select(id => grains.GetGrain<IDeviceGrain>(id).GetStatus()));
        var now = time.GetUtcNow();
        var reply = new BoxList();
        reply.Boxes.AddRange(statuses.Select(s => ToBoxStatus(s, schools, now)));
        return reply;
    }

    public override async Task<CreateBoxReply> CreateBox(CreateBoxRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (string.IsNullOrWhiteSpace(request.SchoolId))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Choisissez l'école où la boîte sera installée."));
        var label = request.Label.Trim();
        if (label.Length > 80)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Le nom de la boîte ne doit pas dépasser 80 caractères."));
        var school = await grains.GetGrain<ISchoolGrain>(request.SchoolId).GetProfile();
        // An unknown school and another commune's school look the same: no existence leak.
        if (school is null || !AccessRules.CanReadCommune(caller, school.CommuneCode))
        {
            logger.LogWarning("Création de boîte refusée : {AccountId} pour l'école {SchoolId}", caller.AccountId, request.SchoolId);
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Vous ne pouvez pas ajouter de boîte dans cette école."));
        }

        var boxId = $"boite-{school.SchoolId.ToLowerInvariant()}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
        await grains.GetGrain<IDeviceGrain>(boxId).Create(new DeviceEnrolment(boxId, school.SchoolId, school.CommuneCode, ""), label.Length > 0 ? label : school.Name);
        await grains.GetGrain<ICommuneGrain>(school.CommuneCode).RegisterBox(boxId);
        var code = EnrolmentCode.New();
        var expiresAt = time.GetUtcNow() + EnrolmentCode.Validity;
        await grains.GetGrain<IEnrolmentCodeGrain>(SecretHash.Of(EnrolmentCode.Normalise(code)!)).Issue(boxId, expiresAt);
        logger.LogInformation("Boîte {BoxId} créée par {AccountId} pour l'école {SchoolId}", boxId, caller.AccountId, school.SchoolId);
        return new CreateBoxReply { BoxId = boxId, EnrolmentCode = code, CodeExpiresAt = Timestamp.FromDateTimeOffset(expiresAt) };
    }

    private BoxStatus ToBoxStatus(DeviceStatus s, IReadOnlyDictionary<string, string> schools, DateTimeOffset now)
    {
        var heartbeat = s.LastHeartbeat;
        var (health, reason) = BoxHealthRules.Assess(s.Enrolled,
            heartbeat is null ? null : new BoxHeartbeatFacts(heartbeat.ReceivedAt, heartbeat.OutboxDepth, heartbeat.OldestUnsentReadAt), now, thresholds);
        return new BoxStatus
        {
            BoxId = s.BoxId,
            SchoolId = s.SchoolId,
            SchoolName = schools.GetValueOrDefault(s.SchoolId, s.SchoolId),
            DurableThroughSequence = s.DurableThrough,
            LastSeenAt = Stamp(s.LastSeenAt),
            SoftwareVersion = heartbeat?.SoftwareVersion ?? "",
            OutboxDepth = heartbeat?.OutboxDepth ?? 0,
            OldestUnsentReadAt = Stamp(heartbeat?.OldestUnsentReadAt),
            LastReadAt = Stamp(heartbeat?.LastReadAt),
            ReaderStatus = heartbeat?.ReaderStatus ?? "",
            LastHeartbeatAt = Stamp(heartbeat?.ReceivedAt),
            Enrolled = s.Enrolled,
            Health = health switch
            {
                BoxHealthState.Ok => BoxHealth.Ok,
                BoxHealthState.Silent => BoxHealth.Silent,
                BoxHealthState.Backlogged => BoxHealth.Backlogged,
                _ => BoxHealth.AwaitingEnrolment,
            },
            HealthReason = reason,
            Mode = heartbeat?.Mode ?? "",
            Label = s.Label,
            LastSequence = heartbeat?.LastSequence ?? 0,
        };
    }

    private static Timestamp? Stamp(DateTimeOffset? at) => at is { } value ? Timestamp.FromDateTimeOffset(value) : null;

    private string RequireCommune(Caller caller, string communeCode)
    {
        if (AccessRules.CanReadCommune(caller, communeCode)) return communeCode;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les données de la commune {Commune}", caller.AccountId, caller.Role, communeCode);
        throw new RpcException(new Status(StatusCode.PermissionDenied, "Accès refusé aux données de cette commune."));
    }
}
