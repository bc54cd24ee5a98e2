using CarteValoise.Contracts.Households;
using CarteValoise.Web.Formatting;
using Google.Protobuf.WellKnownTypes;

namespace CarteValoise.Portal.Household;

/// <summary>How the dossier pages say days, states and the change kinds in the URL.</summary>
public static class DossierWording
{
    /// <summary>«14/07/2015» from the wire's «2015-07-14»; empty stays empty.</summary>
    public static string Day(string wire) =>
        FrenchFormat.TryParseWireDay(wire, out var day) ? day.ToString("dd/MM/yyyy", FrenchFormat.French) : "";

    /// <summary>«4 décembre 2026 à 10:15».</summary>
    public static string At(Timestamp? at) => at is null ? "" : FrenchFormat.DayAndTime(at.ToDateTimeOffset());

    public static string Iso(Timestamp? at) => at is null ? "" : FrenchFormat.Iso(at.ToDateTimeOffset());

    /// <summary>What the citizen typed in a date field (yyyy-MM-dd from the browser, or 14/07/2015 by hand), as the wire carries it; as typed when it is no date, for the cloud to say so.</summary>
    public static string WireDay(string? typed) =>
        FrenchFormat.TryParseTypedDay(typed, out var day) ? FrenchFormat.WireDay(day) : (typed ?? "").Trim();

    /// <summary>The kinds in the address bar: /Dossier/Changement?type=adresse.</summary>
    public static readonly IReadOnlyDictionary<string, DossierChangeKind> KindsBySlug = new Dictionary<string, DossierChangeKind>
    {
        ["adresse"] = DossierChangeKind.Address,
        ["enfant"] = DossierChangeKind.NewChild,
        ["garde"] = DossierChangeKind.Custody,
    };

    public static string Slug(DossierChangeKind kind) => KindsBySlug.FirstOrDefault(k => k.Value == kind).Key ?? "";

    /// <summary>The states an agent filters on, in the address bar: /Admin/Demandes?etat=a-traiter.</summary>
    public static readonly IReadOnlyList<(string Slug, string Label, DossierChangeState State)> StateFilters =
    [
        ("a-traiter", "À traiter (déposées)", DossierChangeState.Submitted),
        ("en-cours", "En cours d'examen", DossierChangeState.InReview),
        ("acceptees", "Acceptées", DossierChangeState.Accepted),
        ("refusees", "Refusées", DossierChangeState.Refused),
    ];

    /// <summary>A class for the state's tag: the words say it, the colour only repeats them.</summary>
    public static string StateClass(DossierChangeState state) => state switch
    {
        DossierChangeState.Accepted => "state-accepted",
        DossierChangeState.Refused => "state-refused",
        _ => "state-pending",
    };
}
