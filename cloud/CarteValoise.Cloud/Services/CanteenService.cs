using CarteValoise.Cloud.Identity;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Grains;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Devices;
using CarteValoise.Grains.Schools;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

public sealed class CanteenService(IGrainFactory grains, CallerResolver callers, TimeProvider time, ILogger<CanteenService> logger) : Canteen.CanteenBase
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
        var reply = new BoxList();
        reply.Boxes.AddRange(statuses.Select(s => new BoxStatus
        {
            BoxId = s.BoxId,
            SchoolId = s.SchoolId,
            SchoolName = schools.GetValueOrDefault(s.SchoolId, s.SchoolId),
            DurableThroughSequence = s.DurableThrough,
            LastSeenAt = s.LastSeenAt is { } seen ? Timestamp.FromDateTimeOffset(seen) : null,
        }));
        return reply;
    }

    private string RequireCommune(Caller caller, string communeCode)
    {
        if (AccessRules.CanReadCommune(caller, communeCode)) return communeCode;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les données de la commune {Commune}", caller.AccountId, caller.Role, communeCode);
        throw new RpcException(new Status(StatusCode.PermissionDenied, "Accès refusé aux données de cette commune."));
    }
}
