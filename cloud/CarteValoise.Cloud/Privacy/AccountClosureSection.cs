using System.Text.Json.Nodes;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Privacy;
using CarteValoise.Grains.Privacy;

namespace CarteValoise.Cloud.Privacy;

/// <summary>«demande-de-cloture»: the request to close the account, if one was made, and where it stands.</summary>
public sealed class AccountClosureSection(IGrainFactory grains, TimeProvider time) : IDescribedPersonalDataSection
{
    public string Name => "demande-de-cloture";

    public string Title => "Demande de clôture du compte";

    public string Description => "Votre demande de clôture du compte, si vous en avez fait une : sa date, celle où elle prend effet, son annulation.";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var record = await grains.GetGrain<IAccountClosureGrain>(citizen.AccountId).Get();
        var now = time.GetUtcNow();
        var closure = record?.ToDomain();
        return new PersonalDataPart(new JsonObject
        {
            ["état"] = AccountClosureRules.Describe(closure, now),
            ["demande"] = closure is null ? null : new JsonObject
            {
                ["demandéeLe"] = ArchiveJson.Instant(closure.RequestedAt),
                ["prendEffetLe"] = ArchiveJson.Instant(closure.EffectiveAt),
                ["annuléeLe"] = closure.CancelledAt is { } cancelled ? ArchiveJson.Instant(cancelled) : null,
                ["courrielDAccuséDeRéceptionEnvoyéLe"] = record!.AcknowledgedAt is { } sent ? ArchiveJson.Instant(sent) : null,
            },
        }, []);
    }
}
