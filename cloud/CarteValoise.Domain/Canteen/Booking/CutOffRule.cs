using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// When reservations (or cancellations) for a service day close, as a commune's règlement writes
/// it. A request is on time strictly before the deadline: at 12:00:00 a "12:00" cut-off is past.
/// The description is also the stored form: <see cref="Parse"/> reads it back.
/// </summary>
public abstract partial record CutOffRule
{
    private protected CutOffRule() { }

    /// <summary>The instant from which requests for <paramref name="serviceDay"/> are refused.</summary>
    public abstract DateTimeOffset DeadlineFor(DateOnly serviceDay, SchoolCalendar calendar);

    /// <summary>«2 jours ouvrés avant à 12:00», «le jeudi à 09:00 pour la semaine suivante», «la veille à 18:00».</summary>
    public abstract string Description { get; }

    public sealed override string ToString() => Description;

    public static CutOffRule Parse(string? text) => TryParse(text, out var rule) ? rule : throw new InvalidRulesException(
        [$"« {text?.Trim()} » n'est pas un délai reconnu. Écrivez par exemple « 2 jours ouvrés avant à 12:00 », « 2 jours ouvrés avant à 12:00, vacances scolaires non comptées », « le jeudi à 09:00 pour la semaine suivante » ou « la veille à 18:00 »."]);

    /// <summary>Reads the three forms, with «12:00», «12h00» or «12h» for the time.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CutOffRule? rule)
    {
        rule = null;
        var typed = Regex.Replace(text?.Trim() ?? "", @"\s+", " ");
        try
        {
            if (WorkingDaysForm().Match(typed) is { Success: true } working && ReadTime(working.Groups["time"].Value) is { } atWork)
                rule = new WorkingDaysBeforeCutOff(int.Parse(working.Groups["days"].Value, CultureInfo.InvariantCulture), atWork,
                    working.Groups["holidays"].Success);
            else if (WeeklyForm().Match(typed) is { Success: true } weekly && ReadTime(weekly.Groups["time"].Value) is { } atWeek)
                rule = new WeeklyCutOff(WeekdayNamed(weekly.Groups["day"].Value), atWeek);
            else if (DayBeforeForm().Match(typed) is { Success: true } eve && ReadTime(eve.Groups["time"].Value) is { } atEve)
                rule = new DayBeforeCutOff(atEve);
        }
        catch (InvalidRulesException)
        {
            rule = null;
        }
        return rule is not null;
    }

    private static TimeOnly? ReadTime(string text)
    {
        var parts = text.ToLowerInvariant().Replace('h', ':').Split(':');
        var minutes = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : "0";
        return int.TryParse(parts[0], CultureInfo.InvariantCulture, out var h) && int.TryParse(minutes, CultureInfo.InvariantCulture, out var m)
               && h is >= 0 and < 24 && m is >= 0 and < 60 && (parts.Length == 1 || parts[1].Length is 0 or 2)
            ? new TimeOnly(h, m)
            : null;
    }

    private static DayOfWeek WeekdayNamed(string name) =>
        Enum.GetValues<DayOfWeek>().First(d => FrenchText.Weekday(d) == name.ToLowerInvariant());

    private const string Time = @"(?<time>\d{1,2}(:\d{2}|h\d{2}|h))";

    [GeneratedRegex($@"^(?<days>\d{{1,2}}) jours? ouvrés? avant,? à {Time}(?<holidays>, vacances scolaires non comptées)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkingDaysForm();

    [GeneratedRegex($@"^le (?<day>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) à {Time} pour la semaine suivante$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeeklyForm();

    [GeneratedRegex($@"^la veille à {Time}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayBeforeForm();
}
