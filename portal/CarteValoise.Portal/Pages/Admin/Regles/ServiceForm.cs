using CarteValoise.Web.Formatting;
using CarteValoise.Contracts.Canteen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Pages.Admin.Regles;

/// <summary>
/// One service of the rules form as the agent typed it: every value kept as text, so that a form
/// sent back with a mistake shows exactly what was typed. Field names start with the service's
/// slug («cantine-forfait»), one field per checkbox, so that each value is a field of its own.
/// </summary>
public sealed class ServiceForm(SchoolServiceName service)
{
    public const string Flat = "forfait";
    public const string Brackets = "tranches";
    public const string Percent = "pourcentage";
    public const string AllSchools = "toutes";
    public const string SomeSchools = "certaines";
    public const string OutsideSame = "meme";
    public const string OutsideFlat = "forfait";
    public const string OutsideKept = "actuelle";

    /// <summary>Brackets shown beyond those in force, to add one without JavaScript.</summary>
    public const int SpareBrackets = 2;

    public SchoolServiceName Service { get; } = service;
    public bool Runs { get; set; }
    public HashSet<int> Days { get; } = [];
    public string Schools { get; set; } = AllSchools;
    public HashSet<string> SchoolIds { get; } = [];
    public string TariffKind { get; set; } = Flat;
    public string FlatPrice { get; set; } = "";
    public List<(string Below, string Price)> BracketRows { get; } = [];
    public string FullPrice { get; set; } = "";
    public string PercentOfQuotient { get; set; } = "";
    public string Floor { get; set; } = "";
    public string Ceiling { get; set; } = "";
    public string Outside { get; set; } = OutsideSame;
    public string OutsidePrice { get; set; } = "";
    public string HomeMealPrice { get; set; } = "";
    public string Surcharge { get; set; } = "";

    /// <summary>The rule in force as the délibération states it (from the cloud).</summary>
    public string ResidentDescription { get; set; } = "";

    /// <summary>The outside-commune rule in force when it is not a single price: the form can only keep it.</summary>
    public PriceRule? OutsideInForce { get; set; }

    public bool IsCanteen => Service.Kind == SchoolServiceKind.SchoolServiceCanteen;

    public string Field(string part) => $"{Service.Slug}-{part}";

    public string DayField(SchoolWeekday day) => Field(day.Name);

    public string SchoolField(string schoolId) => Field($"ecole-{schoolId}");

    public string BracketBelowField(int row) => Field($"tranche-{row}-qf");

    public string BracketPriceField(int row) => Field($"tranche-{row}-prix");

    public static ServiceForm From(SchoolServiceName service, ServiceRules? rules)
    {
        var form = new ServiceForm(service);
        if (rules is null)
        {
            for (var i = 0; i < SpareBrackets; i++) form.BracketRows.Add(("", ""));
            return form;
        }
        form.Runs = true;
        form.Days.UnionWith(rules.Days);
        form.Schools = rules.SchoolIds.Count == 0 ? AllSchools : SomeSchools;
        form.SchoolIds.UnionWith(rules.SchoolIds);
        var tariff = rules.Tariff ?? new ServiceTariffRules();
        var resident = tariff.Resident ?? new PriceRule();
        form.ResidentDescription = resident.Description;
        switch (resident.KindCase)
        {
            case PriceRule.KindOneofCase.Brackets:
                form.TariffKind = Brackets;
                form.BracketRows.AddRange(resident.Brackets.Brackets.Select(b => (b.QuotientBelow.ToString(System.Globalization.CultureInfo.InvariantCulture), TypedNumbers.Field(b.PriceCents))));
                form.FullPrice = TypedNumbers.Field(resident.Brackets.FullPriceCents);
                break;
            case PriceRule.KindOneofCase.Percent:
                form.TariffKind = Percent;
                form.PercentOfQuotient = TypedNumbers.DecimalField(resident.Percent.Percent);
                form.Floor = TypedNumbers.Field(resident.Percent.FloorCents);
                form.Ceiling = TypedNumbers.Field(resident.Percent.CeilingCents);
                break;
            default:
                form.TariffKind = Flat;
                form.FlatPrice = TypedNumbers.Field(resident.FlatCents);
                break;
        }
        for (var i = 0; i < SpareBrackets; i++) form.BracketRows.Add(("", ""));
        switch (tariff.OutsideCommune?.KindCase)
        {
            case PriceRule.KindOneofCase.FlatCents:
                form.Outside = OutsideFlat;
                form.OutsidePrice = TypedNumbers.Field(tariff.OutsideCommune.FlatCents);
                break;
            case PriceRule.KindOneofCase.Brackets or PriceRule.KindOneofCase.Percent:
                form.Outside = OutsideKept;
                form.OutsideInForce = tariff.OutsideCommune;
                break;
        }
        form.HomeMealPrice = tariff.PaiHomeMealCents == 0 ? "" : TypedNumbers.Field(tariff.PaiHomeMealCents);
        form.Surcharge = tariff.UnreservedSurchargeCents == 0 ? "" : TypedNumbers.Field(tariff.UnreservedSurchargeCents);
        return form;
    }

    public static ServiceForm Read(SchoolServiceName service, IFormCollection posted, ServiceRules? inForce)
    {
        var form = new ServiceForm(service);
        string Text(string field) => posted[form.Field(field)].ToString().Trim();
        form.Runs = posted[form.Field("assure")] == "oui";
        form.Days.UnionWith(SchoolServices.Weekdays.Where(d => posted[form.DayField(d)] == "oui").Select(d => d.Number));
        form.Schools = Text("ecoles") == SomeSchools ? SomeSchools : AllSchools;
        foreach (var key in posted.Keys.Where(k => k.StartsWith(form.Field("ecole-"), StringComparison.Ordinal) && posted[k] == "oui"))
            form.SchoolIds.Add(key[form.Field("ecole-").Length..]);
        form.TariffKind = Text("tarif") switch { Brackets => Brackets, Percent => Percent, _ => Flat };
        form.FlatPrice = Text("forfait");
        for (var row = 1; posted.ContainsKey(form.BracketBelowField(row)) || posted.ContainsKey(form.BracketPriceField(row)); row++)
            form.BracketRows.Add((posted[form.BracketBelowField(row)].ToString().Trim(), posted[form.BracketPriceField(row)].ToString().Trim()));
        form.FullPrice = Text("plein-tarif");
        form.PercentOfQuotient = Text("pourcentage");
        form.Floor = Text("minimum");
        form.Ceiling = Text("maximum");
        form.Outside = Text("hors-commune") switch { OutsideFlat => OutsideFlat, OutsideKept => OutsideKept, _ => OutsideSame };
        form.OutsidePrice = Text("hors-commune-prix");
        form.HomeMealPrice = Text("panier-repas");
        form.Surcharge = Text("majoration");
        form.ResidentDescription = inForce?.Tariff?.Resident?.Description ?? "";
        if (inForce?.Tariff?.OutsideCommune is { KindCase: PriceRule.KindOneofCase.Brackets or PriceRule.KindOneofCase.Percent } kept)
            form.OutsideInForce = kept;
        return form;
    }

    /// <summary>The service as the contract carries it; what cannot be read is said next to its field.</summary>
    public ServiceRules ToRules(ModelStateDictionary errors)
    {
        var rules = new ServiceRules { Service = Service.Kind };
        rules.Days.AddRange(Days.Order());
        if (Schools == SomeSchools) rules.SchoolIds.AddRange(SchoolIds.Order(StringComparer.Ordinal));
        var tariff = new ServiceTariffRules { Resident = Resident(errors) };
        if (Outside == OutsideFlat)
            tariff.OutsideCommune = new PriceRule { FlatCents = Amount(errors, "hors-commune-prix", OutsidePrice, "le prix des familles hors commune", required: true) };
        else if (Outside == OutsideKept && OutsideInForce is not null)
            tariff.OutsideCommune = OutsideInForce;
        if (IsCanteen) tariff.PaiHomeMealCents = Amount(errors, "panier-repas", HomeMealPrice, "le prix d'un repas avec panier de la maison (PAI)");
        tariff.UnreservedSurchargeCents = Amount(errors, "majoration", Surcharge, "la majoration sans réservation");
        rules.Tariff = tariff;
        return rules;
    }

    private PriceRule Resident(ModelStateDictionary errors)
    {
        switch (TariffKind)
        {
            case Brackets:
                var prices = new BracketPrices { FullPriceCents = Amount(errors, "plein-tarif", FullPrice, "le plein tarif", required: true) };
                for (var i = 0; i < BracketRows.Count; i++)
                {
                    var (below, price) = BracketRows[i];
                    if (below.Length == 0 && price.Length == 0) continue;
                    var row = i + 1;
                    var bound = 0;
                    if (!TypedNumbers.TryParseWhole(below, out bound))
                        errors.AddModelError(BracketBelowField(row), $"{Service.Label}, tranche {row} : « {below} » n'est pas un quotient familial (un nombre entier d'euros, par exemple 500).");
                    var cents = Amount(errors, $"tranche-{row}-prix", price, $"le prix de la tranche {row}", required: true);
                    prices.Brackets.Add(new TariffBracket { QuotientBelow = bound, PriceCents = cents });
                }
                return new PriceRule { Brackets = prices };
            case Percent:
                if (!TypedNumbers.TryParseDecimal(PercentOfQuotient, out var percent))
                    errors.AddModelError(Field("pourcentage"), PercentOfQuotient.Length == 0
                        ? $"{Service.Label} : indiquez le pourcentage du quotient familial, par exemple 0,35."
                        : $"{Service.Label} : « {PercentOfQuotient} » n'est pas un pourcentage : écrivez par exemple 0,35.");
                return new PriceRule
                {
                    Percent = new PercentOfQuotient
                    {
                        Percent = percent,
                        FloorCents = Amount(errors, "minimum", Floor, "le prix minimum", required: true),
                        CeilingCents = Amount(errors, "maximum", Ceiling, "le prix maximum", required: true),
                    },
                };
            default:
                return new PriceRule { FlatCents = Amount(errors, "forfait", FlatPrice, "le prix", required: true) };
        }
    }

    private long Amount(ModelStateDictionary errors, string part, string typed, string what, bool required = false)
    {
        if (typed.Length == 0)
        {
            if (required) errors.AddModelError(Field(part), $"{Service.Label} : indiquez {what} en euros, par exemple 3,50.");
            return 0;
        }
        if (TypedNumbers.TryParseCents(typed, out var cents) && cents >= 0) return cents;
        errors.AddModelError(Field(part), $"{Service.Label} : « {typed} » n'est pas un montant pour {what} : écrivez-le en euros, par exemple 3,50.");
        return 0;
    }
}
