using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Families;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

public sealed class FamiliesService(
    IGrainFactory grains,
    CallerResolver callers,
    FamilySummaryReader summaries,
    AccessLog accessLog,
    TimeProvider time) : Families.FamiliesBase
{
    public override async Task<FamilySummary> GetMyFamily(GetMyFamilyRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.FamilyId is null)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Ce compte n'est rattaché à aucune famille."));
        var day = ParseDay(request.Date);
        var family = await grains.GetGrain<IFamilyGrain>(caller.FamilyId).GetProfile()
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Famille introuvable."));
        return await summaries.Read(family, day);
    }

    public override async Task<FamilySummary> GetFamily(GetFamilyRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var day = ParseDay(request.Date);
        var family = string.IsNullOrWhiteSpace(request.FamilyId) ? null : await grains.GetGrain<IFamilyGrain>(request.FamilyId).GetProfile();
        // A refusal and an unknown family look the same to someone who may not read it: no existence leak.
        if (family is null || !AccessRules.CanReadFamily(caller, family.FamilyId, family.CommuneCode))
        {
            if (family is not null) await accessLog.RecordRefusal(caller, family.FamilyId, "dossier famille");
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Accès refusé à ce dossier famille."));
        }
        if (AccessRules.MustLogRead(caller))
            await accessLog.RecordRead(caller, family.FamilyId, "dossier famille", string.IsNullOrWhiteSpace(request.Reason) ? "consultation" : request.Reason);
        return await summaries.Read(family, day);
    }

    private DateOnly ParseDay(string text) => WireDates.ParseOrToday(text, time);
}
