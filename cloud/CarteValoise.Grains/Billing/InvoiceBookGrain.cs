using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Billing;

/// <summary>
/// Closes a month in three steps, each durable before the next: number and compute every invoice
/// (one write, with the sequence), hand each family its invoice (idempotent on the number), record
/// the month's index and mark it closed. A close stopped anywhere finishes the same way when called
/// again, with the numbers and lines it had stored, so no number is skipped nor given twice.
/// </summary>
public sealed class InvoiceBookGrain(
    [PersistentState("invoicebook", GrainKeys.StorageName)] IPersistentState<InvoiceBookState> state,
    TimeProvider time) : Grain, IInvoiceBookGrain
{
    // Families read, and invoices delivered, this many at a time: enough to keep storage busy
    // without a burst of thousands of activations at once in a large commune.
    private const int Batch = 64;
    private const int ProblemsShown = 10;

    private string Commune => this.GetPrimaryKeyString();

    public async Task<MonthClosing> CloseMonth(DateOnly monthStart, string closedBy)
    {
        var month = BillingMonth.Of(monthStart);
        if (state.State.ClosedMonths.Contains(month.FirstDay))
            return (await MonthGrain(month).Get())! with { CreatedNow = 0 };

        var pending = state.State.Pending.Find(p => p.MonthStart == month.FirstDay) ?? await Allocate(month, closedBy);
        await Deliver(month, pending);

        await MonthGrain(month).Record(new MonthClosing(month.FirstDay, pending.StartedAt, pending.ClosedBy,
            [.. pending.Invoices.Select(i => new InvoiceIndexEntry(i.Number, i.FamilyId, i.FamilyName, i.MonthStart, i.TotalCents, 0))],
            0, pending.FamiliesWithNothingToBill));
        state.State.Pending.Remove(pending);
        state.State.ClosedMonths.Add(month.FirstDay);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.ClosedMonths.Remove(month.FirstDay);
            state.State.Pending.Add(pending);
            throw;
        }
        return (await MonthGrain(month).Get())! with { CreatedNow = pending.Invoices.Count };
    }

    public Task<MonthClosing?> GetClosing(DateOnly monthStart) => MonthGrain(BillingMonth.Of(monthStart)).Get();

    public async Task<IReadOnlyList<MonthClosing>> GetClosings()
    {
        var months = state.State.ClosedMonths.OrderDescending().ToList();
        var closings = await Task.WhenAll(months.Select(m => MonthGrain(BillingMonth.Of(m)).Get()));
        return [.. closings.OfType<MonthClosing>()];
    }

    public Task RecordPaid(string invoiceNumber, long paidCents) =>
        MonthGrain(InvoiceNumber.Parse(invoiceNumber).Month).RecordPaid(invoiceNumber, paidCents);

    public Task<InvoiceIndexEntry?> FindInvoice(string invoiceNumber) =>
        InvoiceNumber.TryParse(invoiceNumber, out var number) && number.CommuneInseeCode == Commune
            ? MonthGrain(number.Month).Find(number.ToString())
            : Task.FromResult<InvoiceIndexEntry?>(null);

    /// <summary>Checks the month may be closed, computes every family's invoice, and numbers the non-empty ones in one write.</summary>
    private async Task<PendingClose> Allocate(BillingMonth month, string closedBy)
    {
        var today = ServiceDay.Today(time);
        if (today <= month.LastDay)
            throw new InvalidOperationException(
                $"Le mois de {month.Label} n'est pas terminé : il pourra être clôturé à partir du {FrenchText.Day(month.Next().FirstDay)}.");
        var commune = GrainFactory.GetGrain<ICommuneGrain>(Commune);
        var rulesVersion = await commune.GetCanteenRules();
        var rules = rulesVersion.Rules.ToDomain();
        if (rules.BillingMode != BillingMode.MonthlyInvoice)
            throw new InvalidOperationException(
                "La commune facture par solde prépayé : les repas sont débités au passage de la carte, il n'y a pas de facture mensuelle ni de mois à clôturer.");

        var familyIds = (await commune.GetFamilyIds()).Distinct().Order(StringComparer.Ordinal).ToList();
        var invoices = new List<(MonthToBill Family, MonthlyInvoice Invoice)>();
        var problems = new List<string>();
        var nothingToBill = 0;
        foreach (var batch in familyIds.Chunk(Batch))
        {
            var read = await Task.WhenAll(batch.Select(id => MonthToBill.Read(GrainFactory, id, month)));
            foreach (var family in read)
            {
                if (family is null) { nothingToBill++; continue; }
                try
                {
                    var invoice = MonthlyInvoiceCalculator.Compute(family.Month, rules.Tariffs, rules.Invoicing);
                    if (invoice.IsEmpty) nothingToBill++; else invoices.Add((family, invoice));
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    problems.Add($"famille {family.Profile.Name} ({family.Profile.FamilyId}) : {e.Message}");
                }
            }
        }
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Le mois de {month.Label} ne peut pas être clôturé, aucune facture n'a été émise. "
                + string.Join(" ; ", problems.Take(ProblemsShown))
                + (problems.Count > ProblemsShown ? $" ; et {problems.Count - ProblemsShown} autres familles." : "."));

        var now = time.GetUtcNow();
        var first = state.State.LastSequence + 1;
        var pending = new PendingClose(month.FirstDay, now, closedBy,
            [.. invoices.Select((x, i) => new IssuedInvoice(
                new InvoiceNumber(Commune, month, first + i).ToString(),
                x.Family.Profile.FamilyId,
                x.Family.Profile.Name,
                month.FirstDay,
                now,
                [.. x.Invoice.Lines.Select(l => new InvoiceLineRecord(l.Date, l.ChildId, l.ChildName, l.Service, l.Description, l.UnitPriceCents, l.Quantity))],
                [],
                rulesVersion.Version))],
            nothingToBill);
        var lastBefore = state.State.LastSequence;
        state.State.LastSequence += invoices.Count;
        state.State.Pending.Add(pending);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.LastSequence = lastBefore;
            state.State.Pending.Remove(pending);
            throw;
        }
        return pending;
    }

    private async Task Deliver(BillingMonth month, PendingClose pending)
    {
        var failed = 0;
        Exception? firstFailure = null;
        foreach (var batch in pending.Invoices.Chunk(Batch))
        {
            var deliveries = batch.Select(async invoice =>
            {
                try
                {
                    await GrainFactory.GetGrain<IFamilyGrain>(invoice.FamilyId).ReceiveInvoice(invoice);
                }
                catch (Exception e)
                {
                    failed++;
                    firstFailure ??= e;
                }
            });
            await Task.WhenAll(deliveries);
        }
        if (firstFailure is not null)
            throw new MonthCloseInterruptedException(
                $"La clôture de {month.Label} est interrompue : {failed} facture(s) sur {pending.Invoices.Count} n'ont pas pu être remises aux familles. "
                + "Relancez la clôture : elle reprendra avec les mêmes numéros, sans rien émettre deux fois.",
                firstFailure);
    }

    private IInvoiceMonthGrain MonthGrain(BillingMonth month) =>
        GrainFactory.GetGrain<IInvoiceMonthGrain>(InvoiceMonthKey.Of(Commune, month.FirstDay));
}
