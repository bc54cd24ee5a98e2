namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A commune's prepaid balance rules: below <see cref="LowBalanceThresholdCents"/> the family is
/// warned; the balance may go negative down to <see cref="NegativeFloorCents"/> (0: no overdraft).
/// A meal is always debited at the tap, even below the floor: the child has eaten, and the box
/// never refuses a child. What the floor stops is what the family chooses: new reservations, and
/// any other debit (<see cref="DebitRefusal"/>).
/// </summary>
public sealed class PrepaidBalanceRules
{
    public PrepaidBalanceRules(long lowBalanceThresholdCents, long negativeFloorCents)
    {
        var problems = new List<string>();
        if (lowBalanceThresholdCents < 0)
            problems.Add($"Le seuil d'alerte ne peut pas être négatif ({FrenchText.Euros(lowBalanceThresholdCents)} saisi).");
        if (negativeFloorCents > 0)
            problems.Add($"Le découvert autorisé s'écrit comme un solde négatif ou nul, par exemple -15,00 € ({FrenchText.Euros(negativeFloorCents)} saisi).");
        InvalidRulesException.ThrowIfAny(problems);
        LowBalanceThresholdCents = lowBalanceThresholdCents;
        NegativeFloorCents = negativeFloorCents;
    }

    public long LowBalanceThresholdCents { get; }

    public long NegativeFloorCents { get; }

    public BalanceNotice Assess(long balanceCents)
    {
        var balance = FrenchText.Euros(balanceCents);
        var floor = FrenchText.Euros(NegativeFloorCents);
        if (balanceCents < NegativeFloorCents)
            return new(BalanceLevel.BelowFloor,
                $"Solde de {balance}, en dessous du découvert autorisé ({floor}) : les réservations sont refusées jusqu'au rechargement du compte. Les repas pris restent servis et débités.");
        if (balanceCents < 0)
            return new(BalanceLevel.Negative, $"Solde négatif : {balance}. Rechargez le compte : en dessous de {floor}, les réservations sont refusées.");
        if (balanceCents < LowBalanceThresholdCents)
            return new(BalanceLevel.Low, $"Solde bas : {balance}. Pensez à recharger le compte (seuil d'alerte : {FrenchText.Euros(LowBalanceThresholdCents)}).");
        return new(BalanceLevel.Sufficient, null);
    }

    /// <summary>The meal served is debited whatever the balance.</summary>
    public TapDebit DebitAtTap(long balanceCents, long priceCents)
    {
        if (priceCents <= 0) throw new ArgumentException($"Un repas débité doit avoir un prix positif ({FrenchText.Euros(priceCents)}).");
        var after = balanceCents - priceCents;
        var notice = Assess(after);
        return new TapDebit(priceCents, after, notice, notice.Level > Assess(balanceCents).Level);
    }

    /// <summary>Null when the family may reserve; otherwise why not, in French.</summary>
    public string? ReservationRefusal(long balanceCents) => balanceCents < NegativeFloorCents
        ? $"Réservation refusée : le solde ({FrenchText.Euros(balanceCents)}) est en dessous du découvert autorisé ({FrenchText.Euros(NegativeFloorCents)}). Rechargez le compte pour réserver."
        : null;

    /// <summary>For a debit the family chooses (not a meal served): null when allowed, the reason otherwise.</summary>
    public string? DebitRefusal(long balanceCents, long amountCents)
    {
        if (amountCents <= 0) throw new ArgumentException($"Un débit doit être positif ({FrenchText.Euros(amountCents)}).");
        var after = balanceCents - amountCents;
        return after < NegativeFloorCents
            ? $"Paiement refusé : il porterait le solde à {FrenchText.Euros(after)}, en dessous du découvert autorisé ({FrenchText.Euros(NegativeFloorCents)})."
            : null;
    }
}
