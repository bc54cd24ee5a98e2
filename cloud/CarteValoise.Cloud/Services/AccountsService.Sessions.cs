using CarteValoise.Cloud.Identity;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>The signed-in account's own page: its settings, its open sessions, signing out here or everywhere.</summary>
public sealed partial class AccountsService
{
    public override async Task<AccountDetails> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        var (_, _, overview) = await SignedInAccount(context);
        return new AccountDetails
        {
            AccountId = overview.Account.AccountId,
            Email = overview.Account.Email,
            DisplayName = overview.Account.DisplayName,
            EmailVerified = overview.EmailVerified,
            TotpEnabled = overview.TotpEnabled,
            RecoveryCodesLeft = overview.RecoveryCodesLeft,
            FranceconnectLinked = overview.FranceConnectSubject is not null,
            CreatedAt = overview.CreatedAt is { } created ? Timestamp.FromDateTimeOffset(created) : null,
            Role = WireRole(overview.Account.Role),
        };
    }

    public override async Task<SessionList> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var (caller, account, _) = await SignedInAccount(context);
        var list = new SessionList();
        list.Sessions.AddRange((await account.GetOpenSessions()).OrderByDescending(s => s.StartedAt).Select(session => new ActiveSession
        {
            SessionId = session.SessionId,
            StartedAt = Timestamp.FromDateTimeOffset(session.StartedAt),
            ExpiresAt = Timestamp.FromDateTimeOffset(session.ExpiresAt),
            UserAgent = session.UserAgent,
            Address = session.Address,
            Current = session.SessionId == caller.SessionId,
            Method = session.Method,
        }));
        return list;
    }

    public override async Task<SignOutReply> SignOut(SignOutRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        // A kiosk session is not listed anywhere: it ends when the kiosk forgets its token, or at its expiry.
        if (!SessionCheckInterceptor.IsStateless(caller) && caller.SessionId is { } session)
            await Account(caller.AccountId).EndSession(session);
        return new SignOutReply();
    }

    public override async Task<SignOutEverywhereReply> SignOutEverywhere(SignOutEverywhereRequest request, ServerCallContext context)
    {
        var (caller, account, _) = await SignedInAccount(context);
        var ended = await account.EndAllSessions();
        logger.LogInformation("Toutes les sessions du compte {AccountId} fermées ({Count})", caller.AccountId, ended);
        return new SignOutEverywhereReply { SessionsEnded = ended };
    }

    /// <summary>The caller and their account, for the calls about one's own account: a kiosk session has none.</summary>
    private async Task<(Caller Caller, IAccountGrain Account, AccountOverview Overview)> SignedInAccount(ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (SessionCheckInterceptor.IsStateless(caller))
            throw new RpcException(new Status(StatusCode.PermissionDenied, "À la borne, les réglages du compte ne sont pas accessibles : connectez-vous sur le portail."));
        var account = Account(caller.AccountId);
        var overview = await account.GetOverview()
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, Domain.Accounts.SessionRules.Ended));
        return (caller, account, overview);
    }
}
