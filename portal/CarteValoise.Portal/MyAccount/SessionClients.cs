using System.Net;
using CarteValoise.Contracts.Accounts;

namespace CarteValoise.Portal.MyAccount;

/// <summary>The browser and the address a sign-in comes from, as the portal sees them, for the list of active sessions.</summary>
public static class SessionClients
{
    private const int LongestUserAgent = 300;

    public static SessionClient Of(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        return new SessionClient
        {
            UserAgent = agent.Length > LongestUserAgent ? agent[..LongestUserAgent] : agent,
            Address = Readable(http.Connection.RemoteIpAddress),
        };
    }

    private static string Readable(IPAddress? address) => address switch
    {
        null => "",
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        _ => address.ToString(),
    };
}
