using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Rules;

/// <summary>
/// A commune's canteen and care rules, for the agents of that commune only: read them, save a new
/// version (checked entirely first: every problem in French, one per line, and nothing saved), list
/// the versions saved.
/// </summary>
public sealed class CanteenRulesService(IGrainFactory grains, CallerResolver callers, ILogger<CanteenRulesService> logger)
    : Contracts.Canteen.CanteenRules.CanteenRulesBase
{
    public override async Task<CommuneRules> GetRules(GetRulesRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        return (await grains.GetGrain<ICommuneGrain>(commune).GetCanteenRules()).ToWire();
    }

    public override async Task<CommuneRules> SaveRules(SaveRulesRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var commune = RequireCommune(caller, request.CommuneInseeCode);
        if (request.Rules is null) throw WireErrors.InvalidArgument("Aucune règle à enregistrer.");
        var communeGrain = grains.GetGrain<ICommuneGrain>(commune);
        CanteenRulesVersion saved;
        try
        {
            var record = request.Rules.ToRecord();
            // Checked here as well as in the grain: the problems reach the agent as a list, one per line,
            // without depending on how an exception crosses a grain call.
            _ = record.ToDomain(await communeGrain.GetSchools());
            saved = await communeGrain.SaveCanteenRules(record, SignedBy.Of(caller));
        }
        catch (InvalidRulesException invalid)
        {
            throw WireErrors.InvalidArgument(invalid.Problems is { Count: > 0 } problems ? problems : [invalid.Message]);
        }
        logger.LogInformation("Règles de la commune {Commune} enregistrées par {AccountId} : version {Version}", commune, caller.AccountId, saved.Version);
        return saved.ToWire();
    }

    public override async Task<RuleVersions> ListRuleVersions(GetRulesRequest request, ServerCallContext context)
    {
        var commune = RequireCommune(callers.Require(context), request.CommuneInseeCode);
        var reply = new RuleVersions();
        reply.Versions.AddRange((await grains.GetGrain<ICommuneGrain>(commune).GetCanteenRulesHistory()).Select(v => v.ToWire()));
        return reply;
    }

    private string RequireCommune(Caller caller, string communeCode)
    {
        if (AccessRules.CanReadCommune(caller, communeCode)) return communeCode;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les règles de la commune {Commune}", caller.AccountId, caller.Role, communeCode);
        throw WireErrors.PermissionDenied("Accès refusé aux règles de cette commune.");
    }
}
