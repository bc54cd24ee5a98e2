using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// How long ago something happened, as an agent glances at it: «il y a 12 s», «il y a 3 min»,
/// «il y a 2 h», «il y a 4 j». The exact moment stays beside it in a &lt;time&gt; element.
/// </summary>
public static class Elapsed
{
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero; // clocks of two machines disagree a little
        return elapsed.TotalSeconds < 60 ? $"il y a {(int)elapsed.TotalSeconds} s"
            : elapsed.TotalMinutes < 60 ? $"il y a {(int)elapsed.TotalMinutes} min"
            : elapsed.TotalHours < 48 ? $"il y a {(int)elapsed.TotalHours} h"
            : $"il y a {(int)elapsed.TotalDays} j";
    }

    /// <summary>«4 décembre 2026 à 12:05 (il y a 3 min)».</summary>
    public static string DayTimeAndAgo(DateTimeOffset at, DateTimeOffset now) => $"{FrenchFormat.DayAndTime(at)} ({Ago(at, now)})";
}
