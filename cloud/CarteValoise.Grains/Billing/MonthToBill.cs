using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Billing;

/// <summary>
/// What one family's invoice for a month is computed from, read from its grain and its children's:
/// the Domain's <see cref="FamilyMonth"/>, and the name the invoice is addressed to. Null when the
/// commune lists a family that was never registered: there is no one to bill.
/// </summary>
internal sealed record MonthToBill(FamilyProfile Profile, FamilyMonth Month)
{
    public static async Task<MonthToBill?> Read(IGrainFactory grains, string familyId, BillingMonth month)
    {
        var family = grains.GetGrain<IFamilyGrain>(familyId);
        var profile = await family.GetProfile();
        if (profile is null) return null;
        var uses = await Task.WhenAll((await family.GetChildIds()).Select(id => grains.GetGrain<IChildGrain>(id).GetMonthUses(month.FirstDay)));
        // No excused absences yet: the commune cannot record one so far.
        return new MonthToBill(profile, new FamilyMonth(
            familyId,
            month,
            new PricedFamily(profile.QuotientFamilial, profile.LivesOutsideCommune),
            [.. uses.Select(u => new InvoicedChild(u.Child.ChildId, u.Child.FirstName, u.Child.PaiHomeMeal))],
            [.. uses.SelectMany(u => u.Taken.Select(t => new ServiceUse(u.Child.ChildId, t.Day, t.Service)))],
            [.. uses.SelectMany(u => u.Reserved.Select(r => new ServiceUse(u.Child.ChildId, r.Day, r.Service)))],
            []));
    }
}
