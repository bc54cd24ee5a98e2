using System.Globalization;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;
using Google.Protobuf.WellKnownTypes;

namespace CarteValoise.Cloud.Services;

/// <summary>Gathers what a family sees of itself on one day from the family, child, school and commune grains.</summary>
public sealed class FamilySummaryReader(IGrainFactory grains)
{
    private const int RecentMovements = 20;

    public async Task<FamilySummary> Read(FamilyProfile family, DateOnly day)
    {
        var familyGrain = grains.GetGrain<IFamilyGrain>(family.FamilyId);
        var accountTask = familyGrain.GetAccount();
        var invoicesTask = familyGrain.GetInvoices();
        var communeTask = grains.GetGrain<ICommuneGrain>(family.CommuneCode).GetProfile();
        var childIds = await familyGrain.GetChildIds();
        var children = await Task.WhenAll(childIds.Select(id => ReadChild(id, day)));
        var account = await accountTask;

        var summary = new FamilySummary
        {
            FamilyId = family.FamilyId,
            FamilyName = family.Name,
            CommuneName = (await communeTask)?.Name ?? family.CommuneCode,
            BalanceCents = account.BalanceCents,
            Date = ServiceDay.Format(day),
            BalanceWarning = account.Warning ?? "",
            BilledMonthly = account.BillingMode == BillingMode.MonthlyInvoice,
        };
        summary.Children.AddRange(children.Where(c => c is not null).Select(c => c!));
        summary.RecentMovements.AddRange(account.Movements
            .OrderByDescending(m => m.At)
            .Take(RecentMovements)
            .Select(m => new BalanceMovement { At = Timestamp.FromDateTimeOffset(m.At), Label = m.Label, AmountCents = m.AmountCents }));
        // Newest first, as a statement lists them; kept even after a commune goes back to prepaid.
        summary.Invoices.AddRange((await invoicesTask).OrderByDescending(i => i.MonthStart).ThenByDescending(i => i.Number, StringComparer.Ordinal).Select(i => new FamilyInvoice
        {
            Number = i.Number,
            Month = i.MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            TotalCents = i.TotalCents,
            PaidCents = i.PaidCents,
            Paid = i.IsPaid,
        }));
        return summary;
    }

    private async Task<ChildSummary?> ReadChild(string childId, DateOnly day)
    {
        var child = grains.GetGrain<IChildGrain>(childId);
        var profile = await child.GetProfile();
        if (profile is null) return null;
        var taps = await child.GetTaps(day);
        var schoolNames = new Dictionary<string, string>();
        foreach (var schoolId in taps.Select(t => t.SchoolId).Append(profile.SchoolId).Distinct())
            schoolNames[schoolId] = (await grains.GetGrain<ISchoolGrain>(schoolId).GetProfile())?.Name ?? schoolId;

        var summary = new ChildSummary
        {
            ChildId = profile.ChildId,
            FirstName = profile.FirstName,
            LastName = profile.LastName,
            SchoolName = schoolNames[profile.SchoolId],
        };
        foreach (var tap in taps)
        {
            summary.Taps.Add(new CardTapSeen
            {
                ReadAt = Timestamp.FromDateTimeOffset(tap.ReadAt), SchoolName = schoolNames[tap.SchoolId], Meal = tap.Meal,
                Service = TapWording.Of(tap.Service),
            });
            if (tap.Meal) summary.Meals.Add(new MealTaken { TakenAt = Timestamp.FromDateTimeOffset(tap.ReadAt), SchoolName = schoolNames[tap.SchoolId] });
        }
        return summary;
    }
}
