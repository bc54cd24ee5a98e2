namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// «Firefox sur Windows» for a browser's user agent, so that a person recognises their devices in
/// the list of sessions; the raw text stays available to whoever needs it (title attribute).
/// </summary>
public static class DeviceWords
{
    // Order matters: Edge and Opera say «Chrome» too, Chrome says «Safari», and Android says «Linux».
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Describe(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Appareil inconnu";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (not null, not null) => $"{browser} sur {system}",
            (not null, null) => browser,
            (null, not null) => $"Navigateur sur {system}",
            _ => userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent,
        };
    }
}
