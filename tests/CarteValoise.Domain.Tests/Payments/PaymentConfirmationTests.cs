using CarteValoise.Domain.Payments;

namespace CarteValoise.Domain.Tests.Payments;

/// <summary>The decision on each answer of PayFiP, against the payment as it was created.</summary>
public sealed class PaymentConfirmationTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
    private static readonly CreatedPayment Created = new("c2b0a2f4-3f5e-4a39-9d4e-0d4b2f6f8a11", "95018202611000001", 4_250, "012345", "2026", CreatedAt);

    private static GatewayReport Detail(string resultrans, string montant = "4250", string refdet = "95018202611000001", string numcli = "012345",
        string exer = "2026", string? idOp = null) =>
        new GatewayReport.Detail(new GatewayDetail(idOp ?? Created.IdOp, refdet, montant, numcli, exer, resultrans, "04122026", "2105", "A12345"));

    private static PaymentDecision? Decide(OnlinePaymentState current, GatewayReport report, TimeSpan after) =>
        PaymentConfirmation.Decide(Created, current, report, CreatedAt + after);

    [Theory]
    [InlineData("P", "carte bancaire")]
    [InlineData("V", "prélèvement unique")]
    public void A_matching_paid_detail_pays_and_credits_once(string resultrans, string means)
    {
        var decision = Decide(OnlinePaymentState.Pending, Detail(resultrans), TimeSpan.FromMinutes(3));

        Assert.Equal(new PaymentDecision(OnlinePaymentState.Paid, true, $"Paiement de 42,50 € accepté par {means} sur PayFiP.",
            new DateTimeOffset(2026, 12, 4, 20, 5, 0, TimeSpan.Zero), "A12345"), decision);
    }

    [Fact]
    public void A_paid_payment_stays_paid_whatever_comes_after()
    {
        Assert.Null(Decide(OnlinePaymentState.Paid, Detail("P"), TimeSpan.FromMinutes(1)));
        Assert.Null(Decide(OnlinePaymentState.Paid, Detail("A"), TimeSpan.FromMinutes(1)));
        Assert.Null(Decide(OnlinePaymentState.Paid, Detail("P", montant: "1"), TimeSpan.FromMinutes(1)));
        Assert.Null(Decide(OnlinePaymentState.Paid, new GatewayReport.UnknownIdOp(), TimeSpan.FromHours(30)));
    }

    [Fact]
    public void An_altered_amount_credits_nothing_and_says_what_differs()
    {
        var decision = Decide(OnlinePaymentState.Pending, Detail("P", montant: "100"), TimeSpan.FromMinutes(2));

        Assert.Equal(new PaymentDecision(OnlinePaymentState.Rejected, false,
            "La réponse de PayFiP ne correspond pas au paiement créé (montant : 42,50 € attendu, 1,00 € annoncé) : rien n'a été crédité. La commune vérifie ce paiement."),
            decision);
    }

    [Fact]
    public void Every_field_that_differs_is_named()
    {
        var differences = PaymentConfirmation.Differences(Created,
            new GatewayDetail("autre", "AUTRE123", "quatre", "999999", "2025", "P"));

        Assert.Equal(
        [
            $"identifiant d'opération : {Created.IdOp} attendu, autre annoncé",
            "référence : 95018202611000001 attendue, « AUTRE123 » annoncée",
            "montant : 42,50 € attendu, « quatre » annoncé",
            "régie : 012345 attendue, « 999999 » annoncée",
            "exercice : 2026 attendu, « 2025 » annoncé",
        ], differences);
    }

    [Fact]
    public void A_detail_without_idOp_is_checked_on_the_other_fields() =>
        Assert.Empty(PaymentConfirmation.Differences(Created, new GatewayDetail("", " 95018202611000001 ", "4250", "012345", "2026", "P")));

    [Fact]
    public void A_refused_card_and_an_abandon_credit_nothing()
    {
        var refused = Decide(OnlinePaymentState.Pending, Detail("R"), TimeSpan.FromMinutes(2));
        var abandoned = Decide(OnlinePaymentState.Pending, Detail("A"), TimeSpan.FromMinutes(2));

        Assert.Equal((OnlinePaymentState.Refused, false, "Le paiement a été refusé par la banque : rien n'a été prélevé ni crédité."),
            (refused!.State, refused.Credit, refused.Explanation));
        Assert.Equal((OnlinePaymentState.Abandoned, false, "Le paiement a été abandonné sur la page de PayFiP : rien n'a été prélevé ni crédité."),
            (abandoned!.State, abandoned.Credit, abandoned.Explanation));
        Assert.Equal(OnlinePaymentState.Refused, Decide(OnlinePaymentState.Pending, Detail("Z"), TimeSpan.FromMinutes(2))!.State);
    }

    [Fact]
    public void An_abandon_followed_by_a_payment_on_the_same_page_is_paid()
    {
        Assert.Null(Decide(OnlinePaymentState.Abandoned, Detail("A"), TimeSpan.FromMinutes(4)));

        var paid = Decide(OnlinePaymentState.Abandoned, Detail("P"), TimeSpan.FromMinutes(6));

        Assert.Equal((OnlinePaymentState.Paid, true), (paid!.State, paid.Credit));
    }

    [Fact]
    public void An_unknown_result_is_an_anomaly_not_a_payment()
    {
        var decision = Decide(OnlinePaymentState.Pending, Detail("Q"), TimeSpan.FromMinutes(2));

        Assert.Equal(new PaymentDecision(OnlinePaymentState.Rejected, false,
            "PayFiP a répondu un résultat inconnu (« Q ») : rien n'a été crédité. La commune vérifie ce paiement."), decision);
    }

    [Fact]
    public void A_result_not_known_yet_keeps_the_payment_pending_for_20_minutes_then_expires_it()
    {
        Assert.Null(Decide(OnlinePaymentState.Pending, new GatewayReport.NotYetKnown(), TimeSpan.FromMinutes(19) + TimeSpan.FromSeconds(59)));

        var expired = Decide(OnlinePaymentState.Pending, new GatewayReport.NotYetKnown(), TimeSpan.FromMinutes(20));

        Assert.Equal(new PaymentDecision(OnlinePaymentState.Expired, false,
            "Aucun paiement n'a abouti dans les 20 minutes : la demande de paiement a expiré. Rien n'a été prélevé ni crédité."), expired);
    }

    [Fact]
    public void An_idOp_the_gateway_no_longer_knows_expires_a_pending_payment_only()
    {
        Assert.Equal(OnlinePaymentState.Expired, Decide(OnlinePaymentState.Pending, new GatewayReport.UnknownIdOp(), TimeSpan.FromMinutes(1))!.State);
        Assert.Null(Decide(OnlinePaymentState.Abandoned, new GatewayReport.UnknownIdOp(), TimeSpan.FromMinutes(1)));
        Assert.Null(Decide(OnlinePaymentState.Rejected, new GatewayReport.NotYetKnown(), TimeSpan.FromMinutes(40)));
    }

    [Fact]
    public void An_expired_payment_is_only_moved_by_a_matching_payment()
    {
        Assert.Null(Decide(OnlinePaymentState.Expired, Detail("A"), TimeSpan.FromHours(2)));
        Assert.Equal(OnlinePaymentState.Paid, Decide(OnlinePaymentState.Expired, Detail("P"), TimeSpan.FromHours(2))!.State);
    }

    [Fact]
    public void A_rejected_payment_checked_again_and_matching_is_paid() =>
        Assert.Equal((OnlinePaymentState.Paid, true), Decide(OnlinePaymentState.Rejected, Detail("P"), TimeSpan.FromHours(1)) is { } d ? (d.State, d.Credit) : default);

    [Theory]
    [InlineData(OnlinePaymentState.Pending, 60, true)]
    [InlineData(OnlinePaymentState.Abandoned, 19, true)]
    [InlineData(OnlinePaymentState.Abandoned, 20, false)]
    [InlineData(OnlinePaymentState.Refused, 5, true)]
    [InlineData(OnlinePaymentState.Paid, 1, false)]
    [InlineData(OnlinePaymentState.Expired, 1, false)]
    [InlineData(OnlinePaymentState.Rejected, 1, false)]
    public void The_timer_follows_payments_without_a_final_result(OnlinePaymentState state, int minutes, bool followed) =>
        Assert.Equal(followed, PaymentFollowUp.IsFollowed(state, CreatedAt, CreatedAt.AddMinutes(minutes)));
}
