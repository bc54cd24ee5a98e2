using System.Globalization;
using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// When something happened, as an agent glances at it: «17:02:47 (il y a 12 s)» today,
/// «3 décembre 2026 à 17:02 (il y a 23 h)» before. The exact moment stays in a &lt;time&gt; element.
/// </summary>
public static class Elapsed
{
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero; // the clocks of two machines disagree a little
        return elapsed.TotalSeconds < 60 ? $"il y a {(int)elapsed.TotalSeconds} s"
            : elapsed.TotalMinutes < 60 ? $"il y a {(int)elapsed.TotalMinutes} min"
            : elapsed.TotalHours < 48 ? $"il y a {(int)elapsed.TotalHours} h"
            : $"il y a {(int)elapsed.TotalDays} j";
    }

    public static string MomentAndAgo(DateTimeOffset at, DateTimeOffset now)
    {
        var local = FrenchFormat.InParis(at);
        var moment = local.Date == FrenchFormat.InParis(now).Date
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : FrenchFormat.DayAndTime(at);
        return $"{moment} ({Ago(at, now)})";
    }
}
