using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;
using CarteValoise.Grains.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// A signed token proves who signed in, not that they are still signed in: before any call that
/// carries one runs, its session must still be listed by its account (from the account grain's
/// memory, no write). Ended, or unknown to its account: UNAUTHENTICATED, and the portal signs the
/// person out. Kiosk sessions are short and stateless, so they pass on their signature alone. A
/// token that is not valid at all is left to <see cref="CallerResolver"/>, as before.
/// </summary>
public sealed class SessionCheckInterceptor(SessionTokens tokens, IGrainFactory grains) : Interceptor
{
    /// <summary>
    /// The calls that serve people who are not signed in: a stale token a browser still carries must
    /// not stop them from signing in again. Those that need a session check it themselves.
    /// </summary>
    private static readonly HashSet<string> OpenToAnyone =
    [
        "/carte.v1.Accounts/SignIn",
        "/carte.v1.Accounts/SignInWithCard",
        "/carte.v1.Accounts/Register",
        "/carte.v1.Accounts/VerifyEmail",
        "/carte.v1.Accounts/RequestPasswordReset",
        "/carte.v1.Accounts/ResetPassword",
        "/carte.v1.Accounts/CompleteSecondFactor",
        "/carte.v1.Accounts/SignInWithFranceConnect",
    ];

    public static bool IsStateless(Caller caller) =>
        caller.Role == CallerRole.KioskFamily || caller.AccountId.StartsWith("kiosk:", StringComparison.Ordinal);

    /// <summary>Whether the caller's session is still open on its account (kiosk sessions always are).</summary>
    public static async Task<bool> IsOpenAsync(IGrainFactory grains, Caller caller) =>
        IsStateless(caller)
        || (caller.SessionId is { } session && await grains.GetGrain<IAccountGrain>(caller.AccountId).IsSessionOpen(session));

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task CheckAsync(ServerCallContext context)
    {
        if (OpenToAnyone.Contains(context.Method)) return;
        if (tokens.Validate(SessionTokens.FromHeaders(context.RequestHeaders)) is not { } caller) return;
        if (!await IsOpenAsync(grains, caller))
            throw new RpcException(new Status(StatusCode.Unauthenticated, SessionRules.Ended));
    }
}
