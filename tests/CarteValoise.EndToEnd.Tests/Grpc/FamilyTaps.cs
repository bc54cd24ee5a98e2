using System.Globalization;
using CarteValoise.Contracts.Families;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Grpc;

/// <summary>A card read as the cloud holds it, on a child of a family.</summary>
public sealed record TapInCloud(string FamilyId, string ChildId, DateTimeOffset ReadAt, bool Meal);

/// <summary>
/// What the cloud holds of some families' taps, read as an agent of their commune reads them
/// (Families.GetFamily, for each Europe/Paris day the taps fall on).
/// </summary>
public static class FamilyTaps
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly ParisDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Paris).DateTime);

    public static string Wire(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<IReadOnlyList<TapInCloud>> ReadAsync(
        CloudApi cloud, Metadata agent, IEnumerable<string> familyIds, IEnumerable<DateTimeOffset> readAts, string reason) =>
        ReadAsync(request => cloud.Families.GetFamilyAsync(request, agent, CloudApi.Deadline).ResponseAsync, familyIds, readAts, reason);

    /// <summary>The same, through a caller of Families.GetFamily of the test's choice (one that retries, say).</summary>
    public static async Task<IReadOnlyList<TapInCloud>> ReadAsync(
        Func<GetFamilyRequest, Task<FamilySummary>> getFamily, IEnumerable<string> familyIds, IEnumerable<DateTimeOffset> readAts, string reason)
    {
        // Today at least, so that a test whose taps all went missing still reads something.
        var days = readAts.Select(ParisDay).Append(ParisDay(DateTimeOffset.UtcNow)).Distinct().ToList();
        var taps = new List<TapInCloud>();
        foreach (var familyId in familyIds)
        {
            foreach (var day in days)
            {
                var family = await getFamily(new GetFamilyRequest { FamilyId = familyId, Date = Wire(day), Reason = reason });
                taps.AddRange(family.Children.SelectMany(child =>
                    child.Taps.Select(tap => new TapInCloud(familyId, child.ChildId, tap.ReadAt.ToDateTimeOffset(), tap.Meal))));
            }
        }
        return taps;
    }

    /// <summary>The meals each child of these families took on that day.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> MealsAsync(CloudApi cloud, Metadata agent, IEnumerable<string> familyIds, DateOnly day, string reason)
    {
        var meals = new Dictionary<string, int>();
        foreach (var familyId in familyIds)
        {
            var family = await cloud.Families.GetFamilyAsync(
                new GetFamilyRequest { FamilyId = familyId, Date = Wire(day), Reason = reason }, agent, CloudApi.Deadline);
            foreach (var child in family.Children) meals[child.ChildId] = child.Meals.Count;
        }
        return meals;
    }
}
