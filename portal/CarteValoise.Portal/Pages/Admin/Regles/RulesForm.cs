using CarteValoise.Contracts.Canteen;
using CarteValoise.Web.Formatting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Pages.Admin.Regles;

/// <summary>
/// A commune's rules as the agents' form shows and sends them: every value as text, read back into
/// the contract only when the form is sent. Reading what was typed (an amount, a date, a line of
/// holidays) is checked here; what the rules mean (a cut-off, overlapping holidays, a tariff that
/// does not hold) is the cloud's to check, and its problems come back as a list.
/// </summary>
public sealed class RulesForm
{
    public const string ReservationField = "reservation";
    public const string CancellationField = "annulation";
    public const string BillingField = "facturation";
    public const string Prepaid = "solde";
    public const string Monthly = "facture";
    public const string ThresholdField = "seuil";
    public const string OverdraftField = "decouvert";
    public const string BillNotTakenField = "non-consommes";
    public const string YearNameField = "annee";
    public const string RentreeField = "rentree";
    public const string SummerField = "ete";
    public const string HolidaysField = "vacances";

    public static string ClassDayField(SchoolWeekday day) => $"classe-{day.Name}";

    public IReadOnlyList<ServiceForm> Services { get; private init; } = [];
    public string ReservationCutOff { get; private init; } = "";
    public string CancellationCutOff { get; private init; } = "";
    public string Billing { get; private init; } = Prepaid;
    public string Threshold { get; private init; } = "";
    public string Overdraft { get; private init; } = "";
    public bool BillNotTaken { get; private init; }
    public string YearName { get; private init; } = "";
    public string Rentree { get; private init; } = "";
    public string Summer { get; private init; } = "";
    public string Holidays { get; private init; } = "";
    public HashSet<int> ClassDays { get; private init; } = [];

    public static RulesForm From(CommuneRules rules)
    {
        var year = rules.SchoolYear ?? new SchoolYear();
        return new RulesForm
        {
            Services = [.. SchoolServices.All.Select(s => ServiceForm.From(s, rules.Services.FirstOrDefault(r => r.Service == s.Kind)))],
            ReservationCutOff = rules.ReservationCutOff,
            CancellationCutOff = rules.CancellationCutOff,
            Billing = rules.BillingMode == BillingModeKind.BillingModeMonthlyInvoice ? Monthly : Prepaid,
            Threshold = TypedNumbers.Field(rules.LowBalanceThresholdCents),
            // Stored as the lowest balance allowed (-1000); agents think of the overdraft allowed (10,00).
            Overdraft = TypedNumbers.Field(-rules.NegativeFloorCents),
            BillNotTaken = rules.BillReservedNotTaken,
            YearName = year.Name,
            Rentree = year.Rentree,
            Summer = year.SummerBeginsAfterClassOn,
            Holidays = string.Join("\n", year.Holidays.Select(h => $"{h.Name};{h.BeginsAfterClassOn};{h.ClassesResumeOn}")),
            ClassDays = [.. year.ClassDays],
        };
    }

    public static RulesForm Read(IFormCollection posted, CommuneRules inForce)
    {
        string Text(string field) => posted[field].ToString().Trim();
        return new RulesForm
        {
            Services = [.. SchoolServices.All.Select(s => ServiceForm.Read(s, posted, inForce.Services.FirstOrDefault(r => r.Service == s.Kind)))],
            ReservationCutOff = Text(ReservationField),
            CancellationCutOff = Text(CancellationField),
            Billing = Text(BillingField) == Monthly ? Monthly : Prepaid,
            Threshold = Text(ThresholdField),
            Overdraft = Text(OverdraftField),
            BillNotTaken = posted[BillNotTakenField] == "oui",
            YearName = Text(YearNameField),
            Rentree = Text(RentreeField),
            Summer = Text(SummerField),
            Holidays = posted[HolidaysField].ToString(),
            ClassDays = [.. SchoolServices.Weekdays.Where(d => posted[ClassDayField(d)] == "oui").Select(d => d.Number)],
        };
    }

    /// <summary>The rules to save; what could not be read is in <paramref name="errors"/>, next to its field.</summary>
    public CommuneRules ToRules(ModelStateDictionary errors)
    {
        var rules = new CommuneRules
        {
            ReservationCutOff = ReservationCutOff,
            CancellationCutOff = CancellationCutOff,
            BillingMode = Billing == Monthly ? BillingModeKind.BillingModeMonthlyInvoice : BillingModeKind.BillingModePrepaidBalance,
            LowBalanceThresholdCents = Amount(errors, ThresholdField, Threshold, "Le seuil d'alerte du solde"),
            NegativeFloorCents = -Amount(errors, OverdraftField, Overdraft, "Le découvert autorisé"),
            BillReservedNotTaken = BillNotTaken,
            SchoolYear = Year(errors),
        };
        rules.Services.AddRange(Services.Where(s => s.Runs).Select(s => s.ToRules(errors)));
        return rules;
    }

    private SchoolYear Year(ModelStateDictionary errors)
    {
        var year = new SchoolYear
        {
            Name = YearName,
            Rentree = Day(errors, RentreeField, Rentree, "La date de la rentrée"),
            SummerBeginsAfterClassOn = Day(errors, SummerField, Summer, "Le dernier jour de classe avant l'été"),
        };
        year.ClassDays.AddRange(ClassDays.Order());
        var lines = Holidays.Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length == 3 && parts[0].Length > 0
                && FrenchFormat.TryParseTypedDay(parts[1], out var begins) && FrenchFormat.TryParseTypedDay(parts[2], out var resumes))
            {
                year.Holidays.Add(new SchoolHolidayPeriod
                {
                    Name = parts[0],
                    BeginsAfterClassOn = FrenchFormat.WireDay(begins),
                    ClassesResumeOn = FrenchFormat.WireDay(resumes),
                });
            }
            else
            {
                errors.AddModelError(HolidaysField,
                    $"Vacances, ligne {i + 1} : « {lines[i]} » doit s'écrire Nom;AAAA-MM-JJ;AAAA-MM-JJ (le dernier jour de classe, puis le jour de la reprise), par exemple « Vacances de la Toussaint;2026-10-17;2026-11-02 ».");
            }
        }
        return year;
    }

    private static long Amount(ModelStateDictionary errors, string field, string typed, string what)
    {
        if (typed.Length == 0) return 0;
        if (TypedNumbers.TryParseCents(typed, out var cents) && cents >= 0) return cents;
        errors.AddModelError(field, $"{what} : « {typed} » n'est pas un montant : écrivez-le en euros, par exemple 10,00.");
        return 0;
    }

    private static string Day(ModelStateDictionary errors, string field, string typed, string what)
    {
        if (FrenchFormat.TryParseTypedDay(typed, out var day)) return FrenchFormat.WireDay(day);
        errors.AddModelError(field, typed.Length == 0
            ? $"{what} : indiquez un jour, par exemple 01/09/2026."
            : $"{what} : « {typed} » n'est pas une date : choisissez un jour, par exemple 01/09/2026.");
        return "";
    }
}
