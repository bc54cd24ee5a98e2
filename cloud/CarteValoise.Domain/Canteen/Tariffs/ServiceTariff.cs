namespace CarteValoise.Domain.Canteen;

/// <summary>
/// What one service costs in a commune: the residents' price rule, optionally an outside-commune
/// rule, for the canteen optionally a reduced price for a child with an allergy plan (PAI) who
/// brings a home meal, and a surcharge when the service is taken without reservation.
/// The PAI price wins over the outside-commune one: the child brings the meal wherever the family lives.
/// </summary>
public sealed record ServiceTariff
{
    public ServiceTariff(SchoolService service, PriceRule resident, PriceRule? outsideCommune = null,
        long? paiHomeMealCents = null, long unreservedSurchargeCents = 0)
    {
        var problems = new List<string>();
        if (paiHomeMealCents is { } pai)
        {
            if (service != SchoolService.Canteen)
                problems.Add($"{service.Label()} : le tarif panier repas (PAI) ne s'applique qu'à la cantine.");
            else if (pai <= 0)
                problems.Add($"Le tarif panier repas (PAI) doit être un prix positif ({FrenchText.Euros(pai)} saisi).");
        }
        if (unreservedSurchargeCents < 0)
            problems.Add($"{service.Label()} : la majoration sans réservation ne peut pas être négative ({FrenchText.Euros(unreservedSurchargeCents)} saisi).");
        InvalidRulesException.ThrowIfAny(problems);
        Service = service;
        Resident = resident;
        OutsideCommune = outsideCommune;
        PaiHomeMealCents = paiHomeMealCents;
        UnreservedSurchargeCents = unreservedSurchargeCents;
    }

    public SchoolService Service { get; }

    public PriceRule Resident { get; }

    public PriceRule? OutsideCommune { get; }

    public long? PaiHomeMealCents { get; }

    public long UnreservedSurchargeCents { get; }

    /// <summary>The price of the service taken once by a child of <paramref name="family"/>.</summary>
    public PriceQuote Quote(PricedFamily family, bool paiHomeMeal, bool reserved)
    {
        QuotientFamilialRange.Check(family.QuotientFamilial);
        var surcharge = reserved ? 0 : UnreservedSurchargeCents;
        if (paiHomeMeal && PaiHomeMealCents is { } pai) return new PriceQuote(pai, "panier repas (PAI)", surcharge);
        if (family.LivesOutsideCommune && OutsideCommune is { } outside)
            return new PriceQuote(outside.PriceFor(family.QuotientFamilial), $"hors commune, {outside.BasisFor(family.QuotientFamilial)}", surcharge);
        return new PriceQuote(Resident.PriceFor(family.QuotientFamilial), Resident.BasisFor(family.QuotientFamilial), surcharge);
    }
}
