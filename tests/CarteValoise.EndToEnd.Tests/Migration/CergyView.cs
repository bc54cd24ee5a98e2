using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Migration;

/// <summary>
/// What Cergy's agent reads of a day through gRPC: every family of the commune (balance, movements,
/// children's meals and taps), the meals per school, and how far a box's taps are durable.
/// </summary>
internal sealed record CergyView(IReadOnlyDictionary<string, FamilySummary> Families, DailyMealCounts Meals, long DurableThrough)
{
    private const int CergyFamilies = 12;

    public static async Task<CergyView> ReadAsync(CloudApi cloud, Metadata agent, DateOnly day, string boxId)
    {
        var families = new Dictionary<string, FamilySummary>();
        for (var n = 1; n <= CergyFamilies; n++)
        {
            var familyId = Demo.CergyFamilyNumbered(n);
            families[familyId] = await cloud.Families.GetFamilyAsync(
                new GetFamilyRequest { FamilyId = familyId, Date = FamilyTaps.Wire(day), Reason = "vérification du passage à PostgreSQL" }, agent, CloudApi.Deadline);
        }
        var meals = await cloud.Canteen.GetDailyMealCountsAsync(
            new DailyMealCountsRequest { CommuneInseeCode = Demo.Cergy, Date = FamilyTaps.Wire(day) }, agent, CloudApi.Deadline);
        var box = await BoxStatuses.ReadAsync(cloud, agent, Demo.Cergy, boxId);
        return new CergyView(families, meals, box.DurableThroughSequence);
    }

    public int MealsAt(string schoolId) => Meals.Schools.Single(s => s.SchoolId == schoolId).Meals;

    public long BalancesCents => Families.Values.Sum(f => f.BalanceCents);
}
