using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Billing;

[Collection(BillingCollection.Name)]
public sealed class InvoicePaymentTests(BillingCluster cluster)
{
    private static readonly DateOnly November = new(2026, 11, 1);

    /// <summary>A family whose November invoice is 17 meals at 1,00 €: 17,00 €.</summary>
    private static async Task<(BillingCommune Commune, IFamilyGrain Family, string Number)> InvoicedFamily(IGrainFactory grains)
    {
        var commune = await BillingCommune.Create(grains);
        var familyId = await commune.AddFamily("001", "Martin", 300);
        await commune.AddChild(familyId, 1, "Léa", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        var closing = await commune.Book.CloseMonth(November, "Agent");
        return (commune, commune.Family(familyId), Assert.Single(closing.Invoices).Number);
    }

    [Fact]
    public async Task A_payment_sent_twice_is_credited_once_and_the_book_shows_the_invoice_paid()
    {
        var (commune, family, number) = await InvoicedFamily(cluster.Grains);

        var first = await family.RecordInvoicePayment("guichet-1", number, 1_000, "espèces");
        var resent = await family.RecordInvoicePayment("guichet-1", number, 1_000, "espèces");
        Assert.Equal(first.Payments, resent.Payments);
        Assert.Equal((1_000L, false), (resent.PaidCents, resent.IsPaid));
        Assert.Equal(1_000, (await commune.Book.FindInvoice(number))!.PaidCents);

        var paid = await family.RecordInvoicePayment("guichet-2", number, 700, "chèque");

        Assert.Equal((1_700L, true), (paid.PaidCents, paid.IsPaid));
        var account = await family.GetAccount();
        Assert.Equal(
        [
            ($"invoice:{number}", $"Facture {number} (novembre 2026)", -1_700L),
            ("payment:guichet-1", $"Paiement de la facture {number} (espèces)", 1_000L),
            ("payment:guichet-2", $"Paiement de la facture {number} (chèque)", 700L),
        ], account.Movements.Select(m => (m.OperationId, m.Label, m.AmountCents)));
        Assert.Equal(0, account.BalanceCents);
        var entry = Assert.Single((await commune.Book.GetClosing(November))!.Invoices);
        Assert.Equal((1_700L, 1_700L), (entry.TotalCents, entry.PaidCents));
    }

    [Fact]
    public async Task More_than_what_remains_due_is_refused_and_changes_nothing()
    {
        var (commune, family, number) = await InvoicedFamily(cluster.Grains);
        await family.RecordInvoicePayment("guichet-1", number, 1_000, "espèces");

        var over = await Assert.ThrowsAsync<InvalidOperationException>(() => family.RecordInvoicePayment("guichet-2", number, 800, "chèque"));
        await family.RecordInvoicePayment("guichet-3", number, 700, "chèque");
        var settled = await Assert.ThrowsAsync<InvalidOperationException>(() => family.RecordInvoicePayment("guichet-4", number, 1, "chèque"));

        Assert.Equal($"Le paiement de 8,00 € dépasse ce qui reste dû sur la facture {number} (7,00 €).", over.Message);
        Assert.Equal($"La facture {number} est déjà entièrement payée.", settled.Message);
        Assert.Equal(["guichet-1", "guichet-3"], Assert.Single(await family.GetInvoices()).Payments.Select(p => p.OperationId));
        Assert.Equal(0, (await family.GetAccount()).BalanceCents);
        Assert.Equal(1_700, (await commune.Book.FindInvoice(number))!.PaidCents);
    }

    [Fact]
    public async Task An_unknown_invoice_a_non_positive_amount_or_no_means_are_refused_in_French()
    {
        var (_, family, number) = await InvoicedFamily(cluster.Grains);
        var before = await family.GetAccount();

        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => family.RecordInvoicePayment("p1", "95127-2026-11-999999", 100, "espèces"));
        var zero = await Assert.ThrowsAsync<ArgumentException>(() => family.RecordInvoicePayment("p2", number, 0, "espèces"));
        var negative = await Assert.ThrowsAsync<ArgumentException>(() => family.RecordInvoicePayment("p3", number, -500, "espèces"));
        var noMeans = await Assert.ThrowsAsync<ArgumentException>(() => family.RecordInvoicePayment("p4", number, 100, " "));

        Assert.Equal($"La facture 95127-2026-11-999999 est introuvable pour la famille {family.GetPrimaryKeyString()}.", unknown.Message);
        Assert.Equal("Le montant d'un paiement doit être positif (0,00 € saisi).", zero.Message);
        Assert.Equal("Le montant d'un paiement doit être positif (-5,00 € saisi).", negative.Message);
        Assert.Equal("Indiquez le moyen de paiement (espèces, chèque, carte bancaire…).", noMeans.Message);
        Assert.Equal(before.Movements, (await family.GetAccount()).Movements);
        Assert.Empty(Assert.Single(await family.GetInvoices()).Payments);
    }

    [Fact]
    public async Task Concurrent_payments_each_sent_twice_keep_the_balance_the_sum_of_the_movements()
    {
        var (commune, family, number) = await InvoicedFamily(cluster.Grains);

        // 17 payments of 1,00 €, each sent twice at once, all interleaved.
        var payments = Enumerable.Range(1, 17).Select(i => (Func<Task>)(() => family.RecordInvoicePayment($"en-ligne-{i}", number, 100, "carte bancaire"))).ToList();
        await Task.WhenAll(payments.Concat(payments).Select(pay => Task.Run(pay)));

        var account = await family.GetAccount();
        Assert.Equal(18, account.Movements.Count);
        Assert.Equal(account.Movements.Sum(m => m.AmountCents), account.BalanceCents);
        Assert.Equal(0, account.BalanceCents);
        Assert.True(Assert.Single(await family.GetInvoices()).IsPaid);
        Assert.Equal(1_700, (await commune.Book.FindInvoice(number))!.PaidCents);
    }
}
