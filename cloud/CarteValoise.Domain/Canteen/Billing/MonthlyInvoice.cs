namespace CarteValoise.Domain.Canteen;

/// <summary>One line of an invoice: «jeudi 3 décembre 2026 · Léa · Cantine · QF de 450 à 699 · 1,80 € × 1 = 1,80 €».</summary>
public sealed record InvoiceLine(
    DateOnly Date,
    string ChildId,
    string ChildName,
    SchoolService Service,
    string Description,
    long UnitPriceCents,
    int Quantity)
{
    public long AmountCents => UnitPriceCents * Quantity;
}

/// <summary>A family's invoice for a month, before a number is allocated to it (the commune's grain does that).</summary>
public sealed record MonthlyInvoice(string FamilyId, BillingMonth Month, IReadOnlyList<InvoiceLine> Lines)
{
    public long TotalCents => Lines.Sum(l => l.AmountCents);

    /// <summary>Nothing to bill: no invoice is issued and no number is spent.</summary>
    public bool IsEmpty => Lines.Count == 0;
}

/// <summary>
/// What a commune's règlement says about meals reserved but not taken: most bill them (the meal
/// was ordered from the kitchen) unless the absence is excused.
/// </summary>
public sealed record MonthlyInvoiceRules(bool BillReservedButNotTaken);
