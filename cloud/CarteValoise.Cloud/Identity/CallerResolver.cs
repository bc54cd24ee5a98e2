using CarteValoise.Domain.Access;
using Grpc.Core;

namespace CarteValoise.Cloud.Identity;

/// <summary>Reads the caller from the "authorization: Bearer" header of a gRPC call, or refuses the call.</summary>
public sealed class CallerResolver(SessionTokens tokens)
{
    public Caller Require(ServerCallContext context)
    {
        // A token whose session was ended never gets here: SessionCheckInterceptor refused the call
        // (but on the calls open to anyone, which check the session themselves when they need it).
        return Find(context) ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Session absente ou expirée : reconnectez-vous."));
    }

    /// <summary>The caller when the call carries a valid token, or null (for the calls that also serve anonymous people).</summary>
    public Caller? Find(ServerCallContext context) => tokens.Validate(SessionTokens.FromHeaders(context.RequestHeaders));
}
