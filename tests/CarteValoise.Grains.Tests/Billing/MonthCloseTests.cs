using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Billing;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Billing;

[Collection(BillingCollection.Name)]
public sealed class MonthCloseTests(BillingCluster cluster)
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly TimeOnly Lunch = new(12, 15);

    /// <summary>
    /// November 2026 (classes from Monday 2nd; canteen Monday, Tuesday, Thursday, Friday: 17 days):
    /// Léa (QF 300, 1,00 €) signed up for the four days, ate on the 2nd, 3rd and 5th;
    /// Hugo (QF 700, 2,50 €) signed up for nothing, ate on the 2nd and 3rd and stayed for the evening care on the 5th;
    /// Zoé signed up for nothing and took nothing; Noé (no QF, 4,00 €) signed up for Mondays, never came.
    /// </summary>
    private static async Task<(string Martin, string Bernard, string Petit, string Durand)> November2026(BillingCommune commune)
    {
        var martin = await commune.AddFamily("001", "Martin", 300);
        var lea = await commune.AddChild(martin, 1, "Léa", DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday);
        var bernard = await commune.AddFamily("002", "Bernard", 700);
        var hugo = await commune.AddChild(bernard, 1, "Hugo");
        var petit = await commune.AddFamily("003", "Petit", 450);
        await commune.AddChild(petit, 1, "Zoé");
        var durand = await commune.AddFamily("004", "Durand", null);
        await commune.AddChild(durand, 1, "Noé", DayOfWeek.Monday);

        foreach (var day in new[] { 2, 3, 5 }) await commune.Tap(lea, new DateOnly(2026, 11, day), Lunch);
        await commune.Tap(hugo, new DateOnly(2026, 11, 2), Lunch);
        await commune.Tap(hugo, new DateOnly(2026, 11, 2), Lunch.AddMinutes(3)); // a second tap the same day is no second meal
        await commune.Tap(hugo, new DateOnly(2026, 11, 3), Lunch);
        await commune.Tap(hugo, new DateOnly(2026, 11, 5), new TimeOnly(16, 45), TapService.CareCheckIn);
        return (martin, bernard, petit, durand);
    }

    [Fact]
    public async Task Closing_November_bills_each_family_what_it_took_and_had_reserved_numbered_in_order()
    {
        var commune = await BillingCommune.Create(cluster.Grains, inseeCode: "95127");
        var (martin, bernard, petit, durand) = await November2026(commune);

        var closing = await commune.Book.CloseMonth(November, "Agent de Cergy");

        Assert.Equal(3, closing.CreatedNow);
        Assert.Equal(1, closing.FamiliesWithNothingToBill);
        Assert.Equal("Agent de Cergy", closing.ClosedBy);
        Assert.Equal(cluster.Time.GetUtcNow(), closing.ClosedAt);
        Assert.Equal(
        [
            new InvoiceIndexEntry("95127-2026-11-000001", martin, "Martin", November, 1_700, 0),
            new InvoiceIndexEntry("95127-2026-11-000002", bernard, "Bernard", November, 920, 0),
            new InvoiceIndexEntry("95127-2026-11-000003", durand, "Durand", November, 2_000, 0),
        ], closing.Invoices);

        var lea = Assert.Single(await commune.Family(martin).GetInvoices());
        Assert.Equal(17, lea.Lines.Count);
        Assert.Equal(3, lea.Lines.Count(l => l.Description == "QF inférieur à 500"));
        Assert.Equal(14, lea.Lines.Count(l => l.Description == "réservé, non consommé (QF inférieur à 500)"));
        Assert.All(lea.Lines, l => Assert.Equal(100, l.UnitPriceCents));

        var hugo = Assert.Single(await commune.Family(bernard).GetInvoices());
        Assert.Equal(
        [
            new InvoiceLineRecord(new DateOnly(2026, 11, 2), $"{bernard}-C1", "Hugo", SchoolService.Canteen, "QF de 500 à 999", 250, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 2), $"{bernard}-C1", "Hugo", SchoolService.Canteen, "majoration sans réservation", 100, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 3), $"{bernard}-C1", "Hugo", SchoolService.Canteen, "QF de 500 à 999", 250, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 3), $"{bernard}-C1", "Hugo", SchoolService.Canteen, "majoration sans réservation", 100, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 5), $"{bernard}-C1", "Hugo", SchoolService.EveningCare, "tarif unique", 220, 1),
        ], hugo.Lines);

        var noe = Assert.Single(await commune.Family(durand).GetInvoices());
        Assert.Equal([2, 9, 16, 23, 30], noe.Lines.Select(l => l.Date.Day));
        Assert.All(noe.Lines, l => Assert.Equal(("réservé, non consommé (quotient familial non communiqué : plein tarif)", 400L), (l.Description, l.UnitPriceCents)));

        Assert.Empty(await commune.Family(petit).GetInvoices());

        // The invoice is debited from the family's account, labelled as the family reads it.
        var account = await commune.Family(martin).GetAccount();
        var debit = Assert.Single(account.Movements);
        Assert.Equal(("invoice:95127-2026-11-000001", "Facture 95127-2026-11-000001 (novembre 2026)", -1_700L), (debit.OperationId, debit.Label, debit.AmountCents));
        Assert.Equal(-1_700, account.BalanceCents);
    }

    [Fact]
    public async Task A_second_close_creates_nothing_and_December_continues_the_sequence()
    {
        var commune = await BillingCommune.Create(cluster.Grains);
        var (martin, _, _, durand) = await November2026(commune);
        var first = await commune.Book.CloseMonth(November, "Agent 1");

        var again = await commune.Book.CloseMonth(November, "Agent 2");

        Assert.Equal(0, again.CreatedNow);
        Assert.Equal("Agent 1", again.ClosedBy);
        Assert.Equal(first.Invoices, again.Invoices);
        Assert.Single(await commune.Family(martin).GetInvoices());
        Assert.Equal(-1_700, (await commune.Family(martin).GetAccount()).BalanceCents);

        cluster.AtLeast(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));
        var december = await commune.Book.CloseMonth(December, "Agent 1");

        // Léa: 11 canteen days before the Christmas holidays (from the 19th); Noé: Mondays 7 and 14.
        Assert.Equal(2, december.CreatedNow);
        Assert.Equal(
        [
            ($"{commune.Code}-2026-12-000004", martin, 1_100L),
            ($"{commune.Code}-2026-12-000005", durand, 800L),
        ], december.Invoices.Select(i => (i.Number, i.FamilyId, i.TotalCents)));
        Assert.Equal([December, November], (await commune.Book.GetClosings()).Select(c => c.MonthStart));
        Assert.Equal(-2_800, (await commune.Family(martin).GetAccount()).BalanceCents);
    }

    [Fact]
    public async Task A_month_not_over_is_refused_and_nothing_is_written()
    {
        var commune = await BillingCommune.Create(cluster.Grains);
        var (martin, _, _, _) = await November2026(commune);
        cluster.AtLeast(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));

        var current = await Assert.ThrowsAsync<InvalidOperationException>(() => commune.Book.CloseMonth(new DateOnly(2027, 1, 1), "Agent"));
        var future = await Assert.ThrowsAsync<InvalidOperationException>(() => commune.Book.CloseMonth(new DateOnly(2027, 6, 1), "Agent"));

        Assert.Equal("Le mois de janvier 2027 n'est pas terminé : il pourra être clôturé à partir du lundi 1er février 2027.", current.Message);
        Assert.Equal("Le mois de juin 2027 n'est pas terminé : il pourra être clôturé à partir du jeudi 1er juillet 2027.", future.Message);
        Assert.Null(await commune.Book.GetClosing(new DateOnly(2027, 1, 1)));
        Assert.Empty(await commune.Book.GetClosings());
        // No number was spent: November, closed next, starts the sequence.
        Assert.Equal($"{commune.Code}-2026-11-000001", (await commune.Book.CloseMonth(November, "Agent")).Invoices[0].Number);
        Assert.Equal(martin, (await commune.Book.GetClosing(November))!.Invoices[0].FamilyId);
    }

    [Fact]
    public async Task A_commune_billing_by_prepaid_balance_has_no_month_to_close()
    {
        var commune = await BillingCommune.Create(cluster.Grains, BillingMode.PrepaidBalance);
        var (martin, _, _, _) = await November2026(commune);
        var balance = (await commune.Family(martin).GetAccount()).BalanceCents;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commune.Book.CloseMonth(November, "Agent"));

        Assert.Equal("La commune facture par solde prépayé : les repas sont débités au passage de la carte, il n'y a pas de facture mensuelle ni de mois à clôturer.", refused.Message);
        Assert.Null(await commune.Book.GetClosing(November));
        Assert.Empty(await commune.Book.GetClosings());
        Assert.Empty(await commune.Family(martin).GetInvoices());
        Assert.Equal(balance, (await commune.Family(martin).GetAccount()).BalanceCents);
    }

    [Fact]
    public async Task A_close_cut_short_after_numbering_finishes_with_the_same_numbers()
    {
        var commune = await BillingCommune.Create(cluster.Grains);
        var (martin, bernard, _, durand) = await November2026(commune);
        BillingCluster.FailOnce[$"{bernard}/{nameof(IFamilyGrain.ReceiveInvoice)}"] = true;

        var interrupted = await Assert.ThrowsAsync<MonthCloseInterruptedException>(() => commune.Book.CloseMonth(November, "Agent 1"));

        Assert.Equal("La clôture de novembre 2026 est interrompue : 1 facture(s) sur 3 n'ont pas pu être remises aux familles. "
            + "Relancez la clôture : elle reprendra avec les mêmes numéros, sans rien émettre deux fois.", interrupted.Message);
        Assert.Null(await commune.Book.GetClosing(November));
        Assert.Empty(await commune.Family(bernard).GetInvoices());
        Assert.Equal($"{commune.Code}-2026-11-000001", Assert.Single(await commune.Family(martin).GetInvoices()).Number);

        // Meanwhile Hugo's November grows by a late tap: the numbered invoice stays as it was computed.
        await commune.Tap($"{bernard}-C1", new DateOnly(2026, 11, 6), Lunch);
        var resumed = await commune.Book.CloseMonth(November, "Agent 2");

        Assert.Equal(3, resumed.CreatedNow);
        Assert.Equal("Agent 1", resumed.ClosedBy);
        Assert.Equal(
        [
            ($"{commune.Code}-2026-11-000001", martin, 1_700L),
            ($"{commune.Code}-2026-11-000002", bernard, 920L),
            ($"{commune.Code}-2026-11-000003", durand, 2_000L),
        ], resumed.Invoices.Select(i => (i.Number, i.FamilyId, i.TotalCents)));
        Assert.Equal(-1_700, Assert.Single((await commune.Family(martin).GetAccount()).Movements).AmountCents);
        Assert.Equal(-920, Assert.Single((await commune.Family(bernard).GetAccount()).Movements).AmountCents);
        Assert.Equal(0, (await commune.Book.CloseMonth(November, "Agent 3")).CreatedNow);
    }
}
