using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Cloud.Tests.Documents;

/// <summary>December 2026 for the Martin family of Ermont, computed as the month close computes it.</summary>
internal static class InvoiceExamples
{
    private static readonly SchoolCalendar Year = ZoneCCalendars.Year2026To2027();

    private static readonly CommuneTariffs Tariffs = CommuneTariffs.Create(
    [
        new ServiceTariff(SchoolService.Canteen, BracketPrice.Create([new(450, 90), new(700, 180), new(1000, 320)], 470),
            paiHomeMealCents: 150, unreservedSurchargeCents: 100),
        new ServiceTariff(SchoolService.EveningCare, new QuotientPercentPrice(0.2m, 50, 250)),
    ]);

    public static readonly InvoiceNumber Number = InvoiceNumber.Parse("95127-2026-12-000123");

    public static readonly InvoiceHeader Header = new(
        CommuneName: "Ville d'Ermont",
        CommuneAddress: ["Hôtel de ville", "100 rue Louis Savoie", "95120 Ermont"],
        CommuneContact: "Service scolaire · 01 34 44 10 30 · scolaire@ville-ermont.fr",
        FamilyName: "Famille MARTIN",
        FamilyAddress: ["Résidence « Les Tilleuls », bât. B", "3 rue des Lilas", "95120 Ermont"],
        IssuedOn: new DateOnly(2027, 1, 5),
        DueOn: new DateOnly(2027, 1, 31),
        PayFipReference: "000123-1042");

    /// <summary>
    /// Léa eats at the canteen four days a week and stays for the evening care on Tuesdays and
    /// Thursdays; Noël has a PAI and brings his meal; Léa ate on Friday 4th without a reservation.
    /// </summary>
    public static MonthlyInvoice December(int children = 2)
    {
        var canteenDays = ServiceSchedule.Usual(SchoolService.Canteen).DaysBetween(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Year).ToList();
        string[] names = ["Léa", "Noël", "Anne-Sophie-Marguerite", "Zoé", "Yanis"];
        var kids = Enumerable.Range(0, children).Select(i => new InvoicedChild($"enfant-{i}", names[i], PaiHomeMeal: i == 1)).ToList();
        var taken = new List<ServiceUse>();
        var reserved = new List<ServiceUse>();
        foreach (var kid in kids)
            foreach (var day in canteenDays)
            {
                taken.Add(new ServiceUse(kid.ChildId, day, SchoolService.Canteen));
                if (!(kid.ChildId == "enfant-0" && day.Day == 4)) reserved.Add(new ServiceUse(kid.ChildId, day, SchoolService.Canteen));
                if (kid.ChildId != "enfant-1" && day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday)
                {
                    taken.Add(new ServiceUse(kid.ChildId, day, SchoolService.EveningCare));
                    reserved.Add(new ServiceUse(kid.ChildId, day, SchoolService.EveningCare));
                }
            }
        var month = new FamilyMonth("famille-1042", new BillingMonth(2026, 12), new PricedFamily(650, LivesOutsideCommune: false), kids, taken, reserved, []);
        return MonthlyInvoiceCalculator.Compute(month, Tariffs, new MonthlyInvoiceRules(BillReservedButNotTaken: true));
    }
}
