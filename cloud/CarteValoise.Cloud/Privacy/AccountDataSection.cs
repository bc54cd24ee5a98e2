using System.Text.Json.Nodes;
using CarteValoise.Domain.Access;
using CarteValoise.Grains;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// «compte»: the account itself as its grain keeps it (read only): address, name, whether the address
/// is confirmed, second factor and FranceConnect, and the open sessions with their browser and
/// address. No secret is written, not even hashed: what proves the person stays in the cloud.
/// </summary>
public sealed class AccountDataSection(IGrainFactory grains) : IDescribedPersonalDataSection
{
    public string Name => "compte";

    public string Title => "Mon compte";

    public string Description =>
        "Votre compte : adresse électronique, nom, confirmation de l'adresse, double authentification, liaison FranceConnect "
        + "et sessions ouvertes. Votre mot de passe et vos codes de sécurité n'y figurent pas : ils ne sont conservés que chiffrés.";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var account = grains.GetGrain<IAccountGrain>(citizen.AccountId);
        var overviewTask = account.GetOverview();
        var sessionsTask = account.GetOpenSessions();
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
        var overview = await overviewTask;
        var sessions = await sessionsTask;
        var record = overview?.Account;
        return new PersonalDataPart(new JsonObject
        {
            ["compte"] = record is null ? null : new JsonObject
            {
                ["identifiant"] = record.AccountId,
                ["adresseÉlectronique"] = record.Email,
                ["nom"] = record.DisplayName,
                ["adresseConfirmée"] = overview!.EmailVerified,
                ["crééLe"] = overview.CreatedAt is { } created ? ArchiveJson.Instant(created) : null,
                ["doubleAuthentification"] = overview.TotpEnabled,
                ["codesDeSecoursRestants"] = overview.RecoveryCodesLeft,
                ["liéÀFranceConnect"] = overview.FranceConnectSubject is not null,
                ["connexionBloquéeJusquÀ"] = overview.LockedUntil is { } locked ? ArchiveJson.Instant(locked) : null,
                ["communes"] = new JsonArray([.. record.CommuneCodes.Select(c => JsonValue.Create(communes.GetValueOrDefault(c, c)))]),
                ["familleRattachée"] = record.FamilyId,
            },
            ["sessionsOuvertes"] = new JsonArray([.. sessions.OrderBy(s => s.StartedAt).Select(s => (JsonNode)new JsonObject
            {
                ["ouverteLe"] = ArchiveJson.Instant(s.StartedAt),
                ["expireLe"] = ArchiveJson.Instant(s.ExpiresAt),
                ["moyen"] = s.Method,
                ["navigateur"] = s.UserAgent,
                ["adresse"] = s.Address,
            })]),
        }, []);
    }
}
