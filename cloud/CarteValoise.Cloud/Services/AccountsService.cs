using CarteValoise.Cloud.Identity;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Cards;
using CarteValoise.Grains;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

public sealed partial class AccountsService(
    IGrainFactory grains,
    PasswordHasher hasher,
    SessionTokens tokens,
    CallerResolver callers,
    IConfiguration configuration,
    ILogger<AccountsService> logger) : Accounts.AccountsBase
{
    private TimeSpan SessionLifetime => TimeSpan.FromHours(configuration.GetValue("Identity:SessionHours", 8.0));
    private TimeSpan KioskSessionLifetime => TimeSpan.FromMinutes(configuration.GetValue("Identity:KioskSessionMinutes", 10.0));

    public override async Task<Session> SignIn(SignInRequest request, ServerCallContext context)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var account = email.Length == 0 ? null : await grains.GetGrain<IAccountGrain>(email).Get();
        if (account is null)
        {
            hasher.WasteEquivalentTime(request.Password);
            throw Refused("Adresse électronique ou mot de passe incorrect.");
        }
        if (!hasher.Verify(request.Password, account.PasswordHash))
        {
            logger.LogWarning("Échec de connexion pour le compte {AccountId}", account.AccountId);
            throw Refused("Adresse électronique ou mot de passe incorrect.");
        }
        var caller = new Caller(account.AccountId, account.DisplayName, account.Role, account.CommuneCodes.ToHashSet(), account.FamilyId);
        return await OpenSession(caller, SessionLifetime);
    }

    public override async Task<Session> SignInWithCard(CardSignInRequest request, ServerCallContext context)
    {
        const string refusal = "Carte ou code PIN incorrect.";
        if (!CardUid.TryParse(request.CardUid, out var uid)) throw Refused(refusal);
        var holder = await grains.GetGrain<ICardGrain>(uid.Value.Value).GetHolder();
        if (holder is null || holder.Blocked)
        {
            hasher.WasteEquivalentTime(request.Pin);
            throw Refused(refusal);
        }
        var familyGrain = grains.GetGrain<IFamilyGrain>(holder.FamilyId);
        if (await familyGrain.GetKioskLockout() is { } until)
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Trop d'essais : cette carte est bloquée aux bornes jusqu'à {Domain.Calendar.ServiceDay.ToParisTime(until):HH:mm}."));
        var family = await familyGrain.GetProfile();
        var ok = family is not null && hasher.Verify(request.Pin, family.KioskPinHash);
        await familyGrain.RecordKioskPinAttempt(ok);
        if (!ok)
        {
            logger.LogWarning("Code PIN erroné à la borne {KioskId} pour la famille {FamilyId}", request.KioskId, holder.FamilyId);
            throw Refused(refusal);
        }
        var caller = new Caller($"kiosk:{request.KioskId}:{holder.FamilyId}", family!.Name, CallerRole.KioskFamily,
            new HashSet<string> { family.CommuneCode }, holder.FamilyId);
        return await OpenSession(caller, KioskSessionLifetime);
    }

    public override async Task<Contracts.Accounts.Identity> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        await Describe(callers.Require(context));

    private async Task<Session> OpenSession(Caller caller, TimeSpan lifetime)
    {
        var (token, expiresAt) = tokens.Issue(caller, lifetime);
        return new Session { Token = token, ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt), Identity = await Describe(caller) };
    }

    private async Task<Contracts.Accounts.Identity> Describe(Caller caller)
    {
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
        var identity = new Contracts.Accounts.Identity
        {
            AccountId = caller.AccountId,
            DisplayName = caller.DisplayName,
            Role = caller.Role switch
            {
                CallerRole.Parent => Role.Parent,
                CallerRole.Agent => Role.Agent,
                CallerRole.KioskFamily => Role.KioskFamily,
                _ => Role.Unspecified,
            },
            FamilyId = caller.FamilyId ?? "",
        };
        identity.Communes.AddRange(caller.CommuneCodes.Order().Select(code =>
            new CommuneRef { InseeCode = code, Name = communes.TryGetValue(code, out var name) ? name : code }));
        return identity;
    }

    private static RpcException Refused(string message) => new(new Status(StatusCode.Unauthenticated, message));
}
