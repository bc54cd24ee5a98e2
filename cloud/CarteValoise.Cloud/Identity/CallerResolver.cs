using CarteValoise.Domain.Access;
using Grpc.Core;

namespace CarteValoise.Cloud.Identity;

/// <summary>Reads the caller from the "authorization: Bearer" header of a gRPC call, or refuses the call.</summary>
public sealed class CallerResolver(SessionTokens tokens)
{
    public Caller Require(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        const string scheme = "Bearer ";
        var token = header is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        return tokens.Validate(token) ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Session absente ou expirée : reconnectez-vous."));
    }
}
