using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Payments;
using CarteValoise.Grains.Tests.Billing;

namespace CarteValoise.Grains.Tests.Payments;

/// <summary>
/// Online payments in the grains: each answer of PayFiP goes through the payment's grain, which
/// credits the family once whatever arrives together (the notification, its replay, the
/// reconciliation), and never on an answer that does not match what was created.
/// </summary>
[Collection(BillingCollection.Name)]
public sealed class PaymentGrainTests(BillingCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    private OnlinePaymentRequest Request(string familyId, string commune, long cents, string? invoice = null) => new(
        Guid.NewGuid().ToString(), familyId, "Martin", commune, invoice, cents,
        invoice is null ? $"RECH{Guid.NewGuid():N}"[..20].ToUpperInvariant() : PayFiPReference.ForInvoice(invoice),
        "2026", "012345", "Objet", "parent@exemple.fr", "T", "parent@exemple.fr", "Parent Martin", cluster.Time.GetUtcNow(),
        invoice is null ? "Rechargement du solde" : $"Facture {invoice}");

    private static GatewayAnswer Answer(OnlinePaymentRequest request, string resultrans, long? montant = null) => new(GatewayAnswerKind.Detail,
        new GatewayDetailRecord(request.IdOp, request.Refdet, (montant ?? request.AmountCents).ToString(System.Globalization.CultureInfo.InvariantCulture),
            request.Numcli, request.Exer, resultrans, "04122026", "2105", resultrans == "P" ? "A12345" : "", request.Mel, request.Objet, request.Saisie));

    private async Task<(IOnlinePaymentGrain Payment, OnlinePaymentRequest Request, IFamilyGrain Family)> TopUp(long cents)
    {
        var commune = await BillingCommune.Create(Grains, BillingMode.PrepaidBalance);
        var familyId = await commune.AddFamily("001", "Martin", 300);
        var request = Request(familyId, commune.Code, cents);
        var payment = Grains.GetGrain<IOnlinePaymentGrain>(request.IdOp);
        await payment.Open(request);
        return (payment, request, commune.Family(familyId));
    }

    private static void AssertBalanceIsItsMovements(FamilyAccount account) => Assert.Equal(account.Movements.Sum(m => m.AmountCents), account.BalanceCents);

    [Fact]
    public async Task A_notification_its_replay_and_the_reconciliation_at_once_credit_the_top_up_once()
    {
        var (payment, request, family) = await TopUp(2_000);
        var paid = Answer(request, "P");

        var applied = await Task.WhenAll(payment.Apply(paid), payment.Apply(paid), payment.Apply(paid));

        Assert.All(applied, p => Assert.Equal(OnlinePaymentState.Paid, p!.State));
        var account = await family.GetAccount();
        var credit = Assert.Single(account.Movements);
        Assert.Equal(($"payfip:{request.IdOp}", 2_000L, "Rechargement en ligne du solde (carte bancaire)"), (credit.OperationId, credit.AmountCents, credit.Label));
        Assert.Equal(2_000, account.BalanceCents);
        AssertBalanceIsItsMovements(account);
        var record = (await payment.Get())!;
        Assert.Equal((OnlinePaymentState.Paid, "A12345", new DateTimeOffset(2026, 12, 4, 20, 5, 0, TimeSpan.Zero), credit.Label),
            (record.State, record.AuthorisationNumber, record.PaidAt, record.CreditedAs));
    }

    [Fact]
    public async Task The_books_of_the_commune_and_the_family_show_the_payment_as_it_stands()
    {
        var (payment, request, _) = await TopUp(1_500);
        var month = BillingMonth.Of(ServiceDay.Of(request.CreatedAt));
        var communeBook = Grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.CommuneMonth(request.CommuneCode, month));
        var familyBook = Grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.Family(request.FamilyId));
        Assert.Equal(OnlinePaymentState.Pending, Assert.Single(await communeBook.List()).State);
        Assert.Equal([request.IdOp], await communeBook.ToFollow(cluster.Time.GetUtcNow()));

        await payment.Apply(Answer(request, "P"));

        Assert.Equal(OnlinePaymentState.Paid, Assert.Single(await communeBook.List()).State);
        Assert.Equal(await payment.Get(), Assert.Single(await familyBook.List()));
        // Paid, its receipt not mailed yet: still handed to the timer, for the mail.
        Assert.Equal([request.IdOp], await communeBook.ToFollow(cluster.Time.GetUtcNow()));
        await payment.MarkReceiptSent();
        Assert.Empty(await communeBook.ToFollow(cluster.Time.GetUtcNow()));
        Assert.True(Assert.Single(await familyBook.List()).ReceiptSent);
    }

    [Fact]
    public async Task An_invoice_paid_online_receives_the_payment_once()
    {
        var commune = await BillingCommune.Create(Grains);
        var familyId = await commune.AddFamily("001", "Martin", 300);
        await commune.AddChild(familyId, 1, "Léa", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        var number = Assert.Single((await commune.Book.CloseMonth(new DateOnly(2026, 11, 1), "Agent")).Invoices).Number;
        var request = Request(familyId, commune.Code, 1_700, number);
        var payment = Grains.GetGrain<IOnlinePaymentGrain>(request.IdOp);
        await payment.Open(request);

        await Task.WhenAll(payment.Apply(Answer(request, "P")), payment.Apply(Answer(request, "P")));

        var invoice = Assert.Single(await commune.Family(familyId).GetInvoices());
        Assert.Equal((true, 1_700L), (invoice.IsPaid, invoice.PaidCents));
        Assert.Equal(($"payfip:{request.IdOp}", "en ligne, carte bancaire"), (Assert.Single(invoice.Payments).OperationId, invoice.Payments[0].Means));
        var account = await commune.Family(familyId).GetAccount();
        Assert.Equal(0, account.BalanceCents);
        AssertBalanceIsItsMovements(account);
        Assert.Equal(1_700, (await commune.Book.FindInvoice(number))!.PaidCents);
        Assert.Equal($"Paiement de la facture {number} (en ligne, carte bancaire)", (await payment.Get())!.CreditedAs);
    }

    [Fact]
    public async Task An_invoice_paid_at_the_counter_meanwhile_gets_the_online_payment_as_a_credit_on_the_account()
    {
        var commune = await BillingCommune.Create(Grains);
        var familyId = await commune.AddFamily("001", "Martin", 300);
        await commune.AddChild(familyId, 1, "Léa", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        var number = Assert.Single((await commune.Book.CloseMonth(new DateOnly(2026, 11, 1), "Agent")).Invoices).Number;
        var request = Request(familyId, commune.Code, 1_700, number);
        var payment = Grains.GetGrain<IOnlinePaymentGrain>(request.IdOp);
        await payment.Open(request);
        await commune.Family(familyId).RecordInvoicePayment("guichet-1", number, 1_700, "chèque");

        var applied = await payment.Apply(Answer(request, "P"));
        await payment.Apply(Answer(request, "P"));

        var label = $"Paiement en ligne de la facture {number}, déjà réglée : 17,00 € portés au crédit du compte";
        Assert.Equal((OnlinePaymentState.Paid, label), (applied!.State, applied.CreditedAs));
        var account = await commune.Family(familyId).GetAccount();
        Assert.Equal(1_700, account.BalanceCents);
        Assert.Equal(($"payfip:{request.IdOp}", label), account.Movements.Where(m => m.AmountCents == 1_700 && m.OperationId.StartsWith("payfip:", StringComparison.Ordinal))
            .Select(m => (m.OperationId, m.Label)).Single());
        AssertBalanceIsItsMovements(account);
    }

    [Fact]
    public async Task An_answer_with_another_amount_credits_nothing_and_marks_the_payment()
    {
        var (payment, request, family) = await TopUp(2_000);

        var rejected = await payment.Apply(Answer(request, "P", montant: 100));

        Assert.Equal(OnlinePaymentState.Rejected, rejected!.State);
        Assert.Equal("La réponse de PayFiP ne correspond pas au paiement créé (montant : 20,00 € attendu, 1,00 € annoncé) : rien n'a été crédité. La commune vérifie ce paiement.",
            rejected.Explanation);
        Assert.Empty((await family.GetAccount()).Movements);
    }

    [Fact]
    public async Task A_refusal_or_an_abandon_credits_nothing_and_a_late_abandon_never_undoes_a_payment()
    {
        var (refusedPayment, refusedRequest, refusedFamily) = await TopUp(1_000);
        Assert.Equal(OnlinePaymentState.Refused, (await refusedPayment.Apply(Answer(refusedRequest, "R")))!.State);
        Assert.Empty((await refusedFamily.GetAccount()).Movements);

        var (payment, request, family) = await TopUp(1_000);
        Assert.Equal(OnlinePaymentState.Abandoned, (await payment.Apply(Answer(request, "A")))!.State);
        Assert.Empty((await family.GetAccount()).Movements);

        // Paid on the same page after all, then a stale abandon: paid, once.
        await Task.WhenAll(payment.Apply(Answer(request, "P")), payment.Apply(Answer(request, "A")));

        Assert.Equal(OnlinePaymentState.Paid, (await payment.Get())!.State);
        Assert.Equal(1_000, Assert.Single((await family.GetAccount()).Movements).AmountCents);
    }

    [Fact]
    public async Task A_payment_without_a_result_expires_20_minutes_after_its_creation()
    {
        var (payment, request, family) = await TopUp(1_000);

        Assert.Equal(OnlinePaymentState.Pending, (await payment.Apply(GatewayAnswer.NotYetKnown))!.State);
        cluster.AtLeast(request.CreatedAt + PaymentFollowUp.Window);
        var expired = await payment.Apply(GatewayAnswer.NotYetKnown);

        Assert.Equal(OnlinePaymentState.Expired, expired!.State);
        Assert.Empty((await family.GetAccount()).Movements);
        var book = Grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.CommuneMonth(request.CommuneCode, BillingMonth.Of(ServiceDay.Of(request.CreatedAt))));
        Assert.Empty(await book.ToFollow(cluster.Time.GetUtcNow()));
    }

    [Fact]
    public async Task An_idOp_never_created_is_answered_as_unknown_and_keeps_nothing()
    {
        var idOp = Guid.NewGuid().ToString();
        var forged = new GatewayAnswer(GatewayAnswerKind.Detail, new GatewayDetailRecord(idOp, "REF123456", "100", "012345", "2026", "P", "", "", "", "", "", ""));

        Assert.Null(await Grains.GetGrain<IOnlinePaymentGrain>(idOp).Apply(forged));
        Assert.Null(await Grains.GetGrain<IOnlinePaymentGrain>(idOp).Get());
    }

    [Fact]
    public async Task Opening_again_changes_nothing_and_another_purpose_under_the_same_idOp_is_refused()
    {
        var (payment, request, _) = await TopUp(1_000);

        await payment.Open(request);
        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => payment.Open(request with { AmountCents = 9_000 }));

        Assert.Equal($"Le paiement {request.IdOp} existe déjà pour un autre objet.", other.Message);
        Assert.Equal(1_000, (await payment.Get())!.Request.AmountCents);
        Assert.Single(await Grains.GetGrain<IPaymentBookGrain>(PaymentBookKeys.Family(request.FamilyId)).List());
    }
}
