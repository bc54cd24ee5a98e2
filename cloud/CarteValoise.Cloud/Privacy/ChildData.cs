using System.Text.Json.Nodes;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Cloud.Privacy;

/// <summary>What the family's archive holds on one child, each list with the child's name on every line.</summary>
public sealed record ChildRecords(JsonObject Child, IReadOnlyList<JsonObject> Cards, IReadOnlyList<JsonObject> Reservations,
    IReadOnlyList<JsonObject> Taps, IReadOnlyList<JsonObject> Taken);

/// <summary>
/// Reads a child's records from their grain: every tap kept, and month by month the services taken
/// and reserved, from the first month with a tap (or the start of the school year) to the end of the
/// school year (or two months ahead, in summer), which covers every reservation a parent can make.
/// </summary>
public sealed class ChildData(IGrainFactory grains, SchoolNames schools, DateOnly today)
{
    public async Task<ChildRecords> ReadAsync(ChildProfile child)
    {
        var grain = grains.GetGrain<IChildGrain>(child.ChildId);
        var taps = await grain.GetTapsBetween(DateOnly.MinValue, DateOnly.MaxValue);
        var months = await Task.WhenAll(Months(taps).Select(grain.GetMonthUses));
        var name = $"{child.FirstName} {child.LastName}".Trim();

        var profile = new JsonObject
        {
            ["identifiant"] = child.ChildId,
            ["prénom"] = child.FirstName,
            ["nom"] = child.LastName,
            ["dateDeNaissance"] = child.BirthDate is { } born ? ArchiveJson.Day(born) : null,
            ["école"] = await schools.Of(child.SchoolId),
            ["classe"] = child.Class,
            ["projetDAccueilIndividualisé"] = child.AllergyPlan,
            ["repasApportéParLaFamille"] = child.PaiHomeMeal,
            ["inscriptionsRégulières"] = new JsonArray([.. (child.StandingReservations ?? []).Select(s => (JsonNode)new JsonObject
            {
                ["service"] = s.Service.Label(),
                ["jours"] = new JsonArray([.. s.Days.Order().Select(d => JsonValue.Create(FrenchText.Weekday(d)))]),
            })]),
        };
        List<JsonObject> cards = child.CardStatus == CardStatus.None || string.IsNullOrEmpty(child.CardUid) ? [] :
        [
            new JsonObject
            {
                ["enfant"] = name,
                ["numéro"] = child.CardUid,
                ["état"] = child.CardStatus == CardStatus.Lost ? "déclarée perdue, refusée aux bornes" : "active",
            },
        ];
        var tapLines = new List<JsonObject>(taps.Count);
        foreach (var tap in taps)
            tapLines.Add(new JsonObject
            {
                ["enfant"] = name,
                ["le"] = ArchiveJson.Instant(tap.ReadAt),
                ["école"] = await schools.Of(tap.SchoolId),
                ["pour"] = TapWording.Of(tap.Service),
                ["compteCommeLeRepasDuJour"] = tap.Meal,
            });
        return new ChildRecords(profile, cards,
            [.. months.SelectMany(m => m.Reserved).Select(u => Use(name, u))],
            tapLines,
            [.. months.SelectMany(m => m.Taken).Select(u => Use(name, u))]);
    }

    private IEnumerable<DateOnly> Months(IReadOnlyList<ChildTapRecord> taps)
    {
        var schoolYearStart = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        var first = taps.Count == 0 ? schoolYearStart : Min(schoolYearStart, FirstOfMonth(ServiceDay.Of(taps[0].ReadAt)));
        var last = Max(schoolYearStart.AddYears(1).AddDays(-1), FirstOfMonth(today).AddMonths(2));
        for (var month = first; month <= last; month = month.AddMonths(1)) yield return month;
    }

    private static JsonObject Use(string child, ServiceUseRecord use) => new()
    {
        ["enfant"] = child,
        ["date"] = ArchiveJson.Day(use.Day),
        ["service"] = use.Service.Label(),
    };

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
