using System.Globalization;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Formatting;
using Google.Protobuf.WellKnownTypes;

namespace CarteValoise.Portal.Demarches;

/// <summary>How the agents' démarches pages say channels, states, days and shares.</summary>
public static class DeskWording
{
    public static string Channel(RequestChannel channel) => channel switch
    {
        RequestChannel.Online => "En ligne",
        RequestChannel.Kiosk => "Borne",
        RequestChannel.Counter => "Guichet",
        _ => "—",
    };

    /// <summary>The marker of a channel, for the tests and the style: «en-ligne», «borne», «guichet».</summary>
    public static string ChannelMarker(RequestChannel channel) => channel switch
    {
        RequestChannel.Online => "en-ligne",
        RequestChannel.Kiosk => "borne",
        RequestChannel.Counter => "guichet",
        _ => "",
    };

    /// <summary>A class for a state's tag: the words say the state, the colour only repeats them.</summary>
    public static string StateClass(StateKind kind) => kind switch
    {
        StateKind.Accepted => "state-accepted",
        StateKind.Refused => "state-refused",
        StateKind.Closed => "state-closed",
        StateKind.AwaitingCitizen => "state-awaiting",
        _ => "state-open",
    };

    public static bool IsFinal(StateKind kind) => kind is StateKind.Accepted or StateKind.Refused or StateKind.Closed;

    /// <summary>«4 décembre 2026 à 10:15»; empty when unset.</summary>
    public static string At(Timestamp? at) => at is null ? "" : FrenchFormat.DayAndTime(at.ToDateTimeOffset());

    /// <summary>«04/12/2026», for a table's column.</summary>
    public static string ShortDay(Timestamp? at) =>
        at is null ? "" : FrenchFormat.InParis(at.ToDateTimeOffset()).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(Timestamp? at) => at is null ? "" : FrenchFormat.Iso(at.ToDateTimeOffset());

    /// <summary>«12,5» days: one decimal, as the statistics say processing times.</summary>
    public static string Days(double days) => days.ToString("0.0", FrenchFormat.French);

    /// <summary>«33 %» of a whole; «—» of nothing.</summary>
    public static string Share(int part, int whole) =>
        whole == 0 ? "—" : $"{Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} %";

    /// <summary>«1 demande», «3 demandes».</summary>
    public static string Requests(int count) => count <= 1 ? $"{count} demande" : $"{count} demandes";

    /// <summary>«septembre 2026» from the wire's «2026-09»; as given when it is no month.</summary>
    public static string Month(string wire) =>
        DateOnly.TryParseExact(wire + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", FrenchFormat.French)
            : wire;

    /// <summary>«sept. 26», under a bar of the monthly chart.</summary>
    public static string ShortMonth(string wire) =>
        DateOnly.TryParseExact(wire + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMM yy", FrenchFormat.French)
            : wire;

    /// <summary>«de Cergy», «d'Argenteuil»: a commune's name after «de», elided before a vowel.</summary>
    public static string Of(string communeName) =>
        communeName.Length > 0 && "AEIOUYÉÈÊÎÔÂ".Contains(char.ToUpperInvariant(communeName[0])) ? $"d'{communeName}" : $"de {communeName}";
}
