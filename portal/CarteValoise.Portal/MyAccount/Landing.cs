namespace CarteValoise.Portal.MyAccount;

/// <summary>Where a sign-in lands: back to the page that asked for it, when it is one of ours and meant for this role; home otherwise.</summary>
public static class Landing
{
    public static string After(string? returnUrl, bool agent)
    {
        var home = agent ? "/Admin" : "/";
        if (!IsLocal(returnUrl) || returnUrl == "/") return home;
        var forAgents = returnUrl!.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase);
        return forAgents == agent ? returnUrl : home;
    }

    /// <summary>A path of this site: «//elsewhere» or «/\elsewhere» would lead a browser to another one.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
