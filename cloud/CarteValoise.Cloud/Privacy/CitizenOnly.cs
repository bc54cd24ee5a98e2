using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Domain.Access;
using Grpc.Core;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// «Mes données» is the citizen's own: a parent, for their account and household. An agent (even
/// of the family's commune), a kiosk session or an administrator is refused, whatever they ask.
/// </summary>
public static class CitizenOnly
{
    public const string Refusal = "« Mes données » est réservé au titulaire du compte, connecté sur le portail : un agent ou une borne n'y a pas accès.";

    public static Caller Require(CallerResolver callers, ServerCallContext context)
    {
        var caller = callers.Require(context);
        return caller.Role == CallerRole.Parent ? caller : throw WireErrors.PermissionDenied(Refusal);
    }
}
