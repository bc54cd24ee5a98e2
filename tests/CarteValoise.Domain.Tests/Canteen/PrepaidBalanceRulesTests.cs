using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class PrepaidBalanceRulesTests
{
    // Warned below 10,00 €; may go down to -15,00 €.
    private static readonly PrepaidBalanceRules Rules = new(lowBalanceThresholdCents: 1000, negativeFloorCents: -1500);

    [Theory]
    [InlineData(2500, BalanceLevel.Sufficient, null)]
    [InlineData(1000, BalanceLevel.Sufficient, null)]
    [InlineData(420, BalanceLevel.Low, "Solde bas : 4,20 €. Pensez à recharger le compte (seuil d'alerte : 10,00 €).")]
    [InlineData(-350, BalanceLevel.Negative, "Solde négatif : -3,50 €. Rechargez le compte : en dessous de -15,00 €, les réservations sont refusées.")]
    [InlineData(-1500, BalanceLevel.Negative, "Solde négatif : -15,00 €. Rechargez le compte : en dessous de -15,00 €, les réservations sont refusées.")]
    [InlineData(-1820, BalanceLevel.BelowFloor, "Solde de -18,20 €, en dessous du découvert autorisé (-15,00 €) : les réservations sont refusées jusqu'au rechargement du compte. Les repas pris restent servis et débités.")]
    public void The_family_reads_where_its_balance_stands(long balance, BalanceLevel level, string? warning) =>
        Assert.Equal(new BalanceNotice(level, warning), Rules.Assess(balance));

    [Fact]
    public void The_meal_that_crosses_the_threshold_warns_the_next_ones_do_not()
    {
        var first = Rules.DebitAtTap(1200, 350);
        Assert.Equal((850L, BalanceLevel.Low, true), (first.BalanceAfterCents, first.Notice.Level, first.WarnNow));
        var second = Rules.DebitAtTap(850, 350);
        Assert.Equal((500L, BalanceLevel.Low, false), (second.BalanceAfterCents, second.Notice.Level, second.WarnNow));
    }

    [Fact]
    public void A_meal_served_is_debited_even_below_the_floor()
    {
        var debit = Rules.DebitAtTap(-1400, 350);
        Assert.Equal((-1750L, BalanceLevel.BelowFloor, true), (debit.BalanceAfterCents, debit.Notice.Level, debit.WarnNow));
    }

    [Fact]
    public void Below_the_floor_reservations_and_other_debits_are_refused()
    {
        Assert.Null(Rules.ReservationRefusal(-1500));
        Assert.Equal("Réservation refusée : le solde (-15,01 €) est en dessous du découvert autorisé (-15,00 €). Rechargez le compte pour réserver.",
            Rules.ReservationRefusal(-1501));
        Assert.Null(Rules.DebitRefusal(-1150, 350));
        Assert.Equal("Paiement refusé : il porterait le solde à -17,50 €, en dessous du découvert autorisé (-15,00 €).", Rules.DebitRefusal(-1400, 350));
    }

    [Fact]
    public void Without_overdraft_any_negative_balance_is_below_the_floor() =>
        Assert.Equal(BalanceLevel.BelowFloor, new PrepaidBalanceRules(500, 0).Assess(-1).Level);

    [Fact]
    public void Rules_backwards_are_refused()
    {
        var error = Assert.Throws<InvalidRulesException>(() => new PrepaidBalanceRules(-100, 1500));
        Assert.Equal(
        [
            "Le seuil d'alerte ne peut pas être négatif (-1,00 € saisi).",
            "Le découvert autorisé s'écrit comme un solde négatif ou nul, par exemple -15,00 € (15,00 € saisi).",
        ], error.Problems);
        Assert.Equal("Un repas débité doit avoir un prix positif (0,00 €).", Assert.Throws<ArgumentException>(() => Rules.DebitAtTap(1000, 0)).Message);
    }
}
