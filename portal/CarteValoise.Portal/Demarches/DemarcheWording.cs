using CarteValoise.Contracts.Demarches;
using CarteValoise.Web.Formatting;
using Google.Protobuf.WellKnownTypes;

namespace CarteValoise.Portal.Demarches;

/// <summary>How the démarches pages say days, delays and states.</summary>
public static class DemarcheWording
{
    /// <summary>«14/07/2015» from the wire's «2015-07-14»; empty stays empty.</summary>
    public static string Day(string wire) =>
        FrenchFormat.TryParseWireDay(wire, out var day) ? day.ToString("dd/MM/yyyy", FrenchFormat.French) : "";

    /// <summary>«4 décembre 2026 à 10:15».</summary>
    public static string At(Timestamp? at) => at is null ? "" : FrenchFormat.DayAndTime(at.ToDateTimeOffset());

    /// <summary>«vendredi 4 décembre 2026», the day in Paris.</summary>
    public static string DayOf(Timestamp? at) =>
        at is null ? "" : FrenchFormat.Day(DateOnly.FromDateTime(FrenchFormat.InParis(at.ToDateTimeOffset()).DateTime));

    public static string Iso(Timestamp? at) => at is null ? "" : FrenchFormat.Iso(at.ToDateTimeOffset());

    /// <summary>«Délai de traitement : 10 jours».</summary>
    public static string Delay(int days) => days switch
    {
        <= 0 => "",
        1 => "1 jour",
        _ => $"{days} jours",
    };

    /// <summary>A class for the state's tag: the words say it, the colour only repeats them.</summary>
    public static string StateClass(StateKind kind) => kind switch
    {
        StateKind.Accepted => "state-accepted",
        StateKind.Refused => "state-refused",
        StateKind.AwaitingCitizen => "state-awaiting",
        StateKind.Closed => "state-closed",
        _ => "state-pending",
    };

    public static string Channel(RequestChannel channel) => channel switch
    {
        RequestChannel.Kiosk => "à une borne",
        RequestChannel.Counter => "au guichet de la mairie",
        _ => "en ligne",
    };
}
