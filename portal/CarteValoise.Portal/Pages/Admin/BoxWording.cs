using CarteValoise.Contracts.Families;

namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// How a box's state reads for an agent: a French label, a symbol and a machine marker for each
/// health the cloud computes. A flagged box is told by its words and its symbol, never by colour alone.
/// </summary>
public static class BoxWording
{
    /// <summary>The value of data-box-health, stable for tests and supervision.</summary>
    public static string Marker(BoxHealth health) => health switch
    {
        BoxHealth.Ok => "OK",
        BoxHealth.Silent => "SILENT",
        BoxHealth.Backlogged => "BACKLOGGED",
        BoxHealth.AwaitingEnrolment => "AWAITING_ENROLMENT",
        _ => "UNKNOWN",
    };

    public static string Label(BoxHealth health) => health switch
    {
        BoxHealth.Ok => "En service",
        BoxHealth.Silent => "Silencieuse",
        BoxHealth.Backlogged => "En retard",
        BoxHealth.AwaitingEnrolment => "En attente d'enrôlement",
        _ => "État inconnu",
    };

    /// <summary>A symbol beside the label (hidden from screen readers, which read the label).</summary>
    public static string Symbol(BoxHealth health) => health switch
    {
        BoxHealth.Ok => "✓",
        BoxHealth.AwaitingEnrolment => "…",
        _ => "⚠",
    };

    /// <summary>A box someone should look at: it has stopped talking, it is behind, or the cloud cannot tell.</summary>
    public static bool IsFlagged(BoxHealth health) => health is not (BoxHealth.Ok or BoxHealth.AwaitingEnrolment);

    /// <summary>
    /// The software version as an agent reads it: the release and the start of its build
    /// ("1.0.0+5670fab"); the whole string stays in the cell's title.
    /// </summary>
    public static string Version(string version)
    {
        if (version.Length == 0) return "—";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length - plus - 1 > 7 ? version[..(plus + 8)] : version;
    }

    /// <summary>What the box told in its heartbeat it is set up to serve ("Canteen" or "Care").</summary>
    public static string Mode(string mode) => mode switch
    {
        "Canteen" => "Cantine",
        "Care" => "Périscolaire",
        "" => "—",
        _ => mode,
    };
}
