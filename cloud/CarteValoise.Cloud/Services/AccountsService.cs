using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;
using CarteValoise.Domain.Cards;
using CarteValoise.Grains;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>
/// Accounts: sign-in (password, then the second factor when the account has one; card and PIN at
/// kiosks; FranceConnect), registration and the mails of the account's life, and the account's
/// own settings and sessions. The rules are in Domain/Accounts; the account grain keeps the state.
/// </summary>
public sealed partial class AccountsService(
    IGrainFactory grains,
    PasswordHasher hasher,
    SessionTokens tokens,
    CallerResolver callers,
    AccountMails mails,
    TotpCodes totp,
    IEnumerable<IFranceConnectVerifier> franceConnect,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<AccountsService> logger) : Accounts.AccountsBase
{
    private const string WrongCredentials = "Adresse électronique ou mot de passe incorrect.";
    private const string Unconfirmed = "Adresse non confirmée : un nouveau courriel de confirmation vient d'être envoyé.";

    private TimeSpan SessionLifetime => TimeSpan.FromHours(configuration.GetValue("Identity:SessionHours", 8.0));
    private TimeSpan KioskSessionLifetime => TimeSpan.FromMinutes(configuration.GetValue("Identity:KioskSessionMinutes", 10.0));

    public override async Task<Session> SignIn(SignInRequest request, ServerCallContext context)
    {
        var email = Registration.NormaliseEmail(request.Email);
        var account = Account(email);
        var overview = email.Length == 0 ? null : await account.GetOverview();
        if (overview is null)
        {
            hasher.WasteEquivalentTime(request.Password);
            throw Refused(WrongCredentials);
        }
        if (overview.LockedUntil is { } locked) throw Throttled(locked);
        if (!PasswordMatches(request.Password, overview.Account))
        {
            logger.LogWarning("Échec de connexion pour le compte {AccountId}", overview.Account.AccountId);
            if (await account.RecordFailure() is { } lockedNow) throw Throttled(lockedNow);
            throw Refused(WrongCredentials);
        }
        if (!overview.EmailVerified)
        {
            if (await account.NoteVerificationMail())
            {
                var token = await IssueTokenAsync(email, AccountTokenPurpose.EmailVerification);
                await mails.SendVerificationAsync(email, overview.Account.DisplayName, token, context.CancellationToken);
            }
            throw FailedPrecondition(Unconfirmed);
        }
        if (overview.TotpEnabled)
            return new Session { SecondFactorChallenge = await IssueTokenAsync(email, AccountTokenPurpose.SecondFactor) };
        return await OpenSession(CallerOf(overview.Account), SessionLifetime, SessionRules.ByPassword, request.Client);
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
        return await OpenSession(caller, KioskSessionLifetime, "borne", client: null);
    }

    public override async Task<Contracts.Accounts.Identity> WhoAmI(WhoAmIRequest request, ServerCallContext context) =>
        await Describe(callers.Require(context));

    private IAccountGrain Account(string accountId) => grains.GetGrain<IAccountGrain>(accountId);

    private static Caller CallerOf(AccountRecord account) =>
        new(account.AccountId, account.DisplayName, account.Role, account.CommuneCodes.ToHashSet(), account.FamilyId);

    /// <summary>An account without a password (opened by FranceConnect) costs the same time as a wrong one.</summary>
    private bool PasswordMatches(string password, AccountRecord account)
    {
        if (account.PasswordHash.Length > 0) return hasher.Verify(password, account.PasswordHash);
        hasher.WasteEquivalentTime(password);
        return false;
    }

    /// <summary>A new one-time token of the account: its hash kept by the account and indexed; the token itself returned, for the mail or the portal.</summary>
    private async Task<string> IssueTokenAsync(string accountId, AccountTokenPurpose purpose)
    {
        var token = OneTimeTokens.New();
        var hash = OneTimeTokens.HashOf(token);
        var expiresAt = await Account(accountId).IssueToken(purpose, hash);
        await grains.GetGrain<IAccountTokenGrain>(hash).Bind(accountId, expiresAt);
        return token;
    }

    /// <summary>Signs a token for a new session and, but for kiosk sessions, lists the session on its account first.</summary>
    private async Task<Session> OpenSession(Caller caller, TimeSpan lifetime, string method, SessionClient? client)
    {
        var issued = tokens.Issue(caller, lifetime);
        if (!SessionCheckInterceptor.IsStateless(caller))
            await Account(caller.AccountId).OpenSession(NewSessionRecord(issued, method, client));
        return await SessionAnswer(caller, issued);
    }

    private SessionRecord NewSessionRecord(IssuedSession issued, string method, SessionClient? client) =>
        new(issued.SessionId, method, time.GetUtcNow(), issued.ExpiresAt, Clip(client?.UserAgent, 300), Clip(client?.Address, 100));

    private async Task<Session> SessionAnswer(Caller caller, IssuedSession issued) => new()
    {
        Token = issued.Token,
        ExpiresAt = Timestamp.FromDateTimeOffset(issued.ExpiresAt),
        Identity = await Describe(caller),
    };

    private static string Clip(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];

    private async Task<Contracts.Accounts.Identity> Describe(Caller caller)
    {
        var communes = await grains.GetGrain<IDepartementGrain>(GrainKeys.Departement).GetCommunes();
        var identity = new Contracts.Accounts.Identity
        {
            AccountId = caller.AccountId,
            DisplayName = caller.DisplayName,
            Role = WireRole(caller.Role),
            FamilyId = caller.FamilyId ?? "",
        };
        identity.Communes.AddRange(caller.CommuneCodes.Order().Select(code =>
            new CommuneRef { InseeCode = code, Name = communes.TryGetValue(code, out var name) ? name : code }));
        return identity;
    }

    private static Role WireRole(CallerRole role) => role switch
    {
        CallerRole.Parent => Role.Parent,
        CallerRole.Agent => Role.Agent,
        CallerRole.KioskFamily => Role.KioskFamily,
        CallerRole.Administrator => Role.Administrator,
        _ => Role.Unspecified,
    };

    private RpcException Throttled(DateTimeOffset lockedUntil) =>
        new(new Status(StatusCode.ResourceExhausted, SignInThrottle.Refusal(lockedUntil, time.GetUtcNow())));

    private static RpcException Refused(string message) => new(new Status(StatusCode.Unauthenticated, message));

    private static RpcException FailedPrecondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));
}
