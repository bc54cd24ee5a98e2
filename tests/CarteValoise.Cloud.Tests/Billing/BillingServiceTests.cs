using CarteValoise.Cloud.Services.Billing;
using CarteValoise.Contracts.Billing;
using CarteValoise.Grains.Families;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.Billing;

/// <summary>What the portal's billing pages get from the cloud: statuses and the French sentences they show.</summary>
[Collection(BillingSiloCollection.Name)]
public sealed class BillingServiceTests(BillingSilo silo)
{
    private BillingService Billing => silo.Service;

    private static CloseMonthRequest November(string commune) => new() { CommuneInseeCode = commune, Month = "2026-11" };

    private static async Task<RpcException> Refused(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task An_agent_closes_November_once_and_sees_it_paid_and_unpaid()
    {
        var commune = await silo.NewCommune("Cergy");
        var agent = silo.Agent(commune);
        Assert.False((await Billing.GetMonth(November(commune), agent)).Closed);

        var closed = await Billing.CloseMonth(November(commune), agent);
        var again = await Billing.CloseMonth(November(commune), agent);

        Assert.Equal((true, 2, 2, 0, 2_950L, 0L, $"Agent de {commune}"), (closed.Closed, closed.CreatedNow, closed.InvoiceCount, closed.FamiliesWithNothingToBill, closed.TotalCents, closed.PaidCents, closed.ClosedBy));
        Assert.Equal(
        [
            ($"{commune}-2026-11-000001", $"{commune}-F001", "Martin", "2026-11", 1_700L, false),
            ($"{commune}-2026-11-000002", $"{commune}-F002", "Bernard", "2026-11", 1_250L, false),
        ], closed.Invoices.Select(i => (i.Number, i.FamilyId, i.FamilyName, i.Month, i.TotalCents, i.Paid)));
        Assert.Equal(0, again.CreatedNow);
        Assert.Equal(closed.Invoices, again.Invoices);

        var paid = await Billing.RecordPayment(new RecordPaymentRequest
            { InvoiceNumber = $"{commune}-2026-11-000002", AmountCents = 1_250, Means = "chèque", OperationId = "guichet-1" }, agent);
        Assert.Equal((1_250L, true), (paid.PaidCents, paid.Paid));

        var month = Assert.Single((await Billing.ListClosedMonths(new ListClosedMonthsRequest { CommuneInseeCode = commune }, agent)).Months);
        Assert.Equal(("2026-11", 2, 2_950L, 1_250L), (month.Month, month.InvoiceCount, month.TotalCents, month.PaidCents));
        Assert.Empty(month.Invoices);
        Assert.Equal([false, true], (await Billing.GetMonth(November(commune), agent)).Invoices.Select(i => i.Paid));

        // An agent opening a family's invoice is written to that family's access log.
        Assert.Equal($"facture-{commune}-2026-11-000001.pdf", (await Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = $"{commune}-2026-11-000001" }, agent)).FileName);
        var read = Assert.Single(await silo.Grains.GetGrain<IAccessLogGrain>($"{commune}-F001").GetEntries());
        Assert.Equal(($"agent.{commune}", $"facture {commune}-2026-11-000001", "consultation de la facture", true), (read.AccountId, read.What, read.Why, read.Allowed));
    }

    [Fact]
    public async Task A_month_not_over_or_not_a_month_is_refused_in_French()
    {
        var commune = await silo.NewCommune("Cergy");
        var agent = silo.Agent(commune);

        var current = await Refused(() => Billing.CloseMonth(new CloseMonthRequest { CommuneInseeCode = commune, Month = "2026-12" }, agent));
        var malformed = await Refused(() => Billing.CloseMonth(new CloseMonthRequest { CommuneInseeCode = commune, Month = "2026-13" }, agent));

        Assert.Equal((StatusCode.FailedPrecondition, "Le mois de décembre 2026 n'est pas terminé : il pourra être clôturé à partir du vendredi 1er janvier 2027."),
            (current.StatusCode, current.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "Mois « 2026-13 » invalide : attendu AAAA-MM, par exemple 2026-11."), (malformed.StatusCode, malformed.Status.Detail));
        Assert.Empty((await Billing.ListClosedMonths(new ListClosedMonthsRequest { CommuneInseeCode = commune }, agent)).Months);
    }

    [Fact]
    public async Task Another_communes_agent_sees_neither_its_months_nor_its_invoices()
    {
        var cergy = await silo.NewCommune("Cergy");
        var pontoise = silo.Agent(await silo.NewCommune("Pontoise"));
        await Billing.CloseMonth(November(cergy), silo.Agent(cergy));
        var number = $"{cergy}-2026-11-000001";

        var close = await Refused(() => Billing.CloseMonth(November(cergy), pontoise));
        var list = await Refused(() => Billing.ListClosedMonths(new ListClosedMonthsRequest { CommuneInseeCode = cergy }, pontoise));
        var pdf = await Refused(() => Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = number }, pontoise));
        var payment = await Refused(() => Billing.RecordPayment(new RecordPaymentRequest { InvoiceNumber = number, AmountCents = 100, Means = "espèces", OperationId = "x" }, pontoise));
        var unknown = await Refused(() => Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = $"{cergy}-2026-11-000099" }, silo.Agent(cergy)));
        var anonymous = await Refused(() => Billing.GetMonth(November(cergy), BillingSilo.Anonymous));

        Assert.Equal((StatusCode.PermissionDenied, "Accès refusé à la facturation de cette commune."), (close.StatusCode, close.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        // Another commune's invoice answers as one that does not exist.
        Assert.Equal((StatusCode.NotFound, $"Facture {number} introuvable."), (pdf.StatusCode, pdf.Status.Detail));
        Assert.Equal((StatusCode.NotFound, $"Facture {number} introuvable."), (payment.StatusCode, payment.Status.Detail));
        Assert.Equal((StatusCode.NotFound, $"Facture {cergy}-2026-11-000099 introuvable."), (unknown.StatusCode, unknown.Status.Detail));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(0, (await Billing.GetMonth(November(cergy), silo.Agent(cergy))).PaidCents);
    }

    [Fact]
    public async Task A_parent_gets_the_PDF_of_their_own_invoices_only_and_a_refusal_is_logged()
    {
        var commune = await silo.NewCommune("Cergy");
        await Billing.CloseMonth(November(commune), silo.Agent(commune));
        var parent = silo.Parent($"{commune}-F001");

        var own = await Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = $"{commune}-2026-11-000001" }, parent);
        var other = await Refused(() => Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = $"{commune}-2026-11-000002" }, parent));
        var pay = await Refused(() => Billing.RecordPayment(new RecordPaymentRequest
            { InvoiceNumber = $"{commune}-2026-11-000001", AmountCents = 100, Means = "carte bancaire", OperationId = "p" }, parent));
        var malformed = await Refused(() => Billing.GetInvoicePdf(new GetInvoicePdfRequest { InvoiceNumber = "facture 12" }, parent));

        Assert.Equal($"facture-{commune}-2026-11-000001.pdf", own.FileName);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(own.Pdf.Span[..5]));
        Assert.Equal((StatusCode.NotFound, $"Facture {commune}-2026-11-000002 introuvable."), (other.StatusCode, other.Status.Detail));
        Assert.Equal((StatusCode.PermissionDenied, "Seuls les agents de la commune enregistrent un paiement de facture."), (pay.StatusCode, pay.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "« facture 12 » n'est pas un numéro de facture (attendu : code INSEE-année-mois-numéro, par exemple 95127-2026-12-000123)."),
            (malformed.StatusCode, malformed.Status.Detail));
        var refusal = Assert.Single(await silo.Grains.GetGrain<IAccessLogGrain>($"{commune}-F002").GetEntries());
        Assert.Equal(($"parent.{commune}-F001", $"facture {commune}-2026-11-000002", "accès refusé", false), (refusal.AccountId, refusal.What, refusal.Why, refusal.Allowed));
    }

    [Fact]
    public async Task An_agents_payment_needs_an_operation_and_no_more_than_what_is_due()
    {
        var commune = await silo.NewCommune("Cergy");
        var agent = silo.Agent(commune);
        await Billing.CloseMonth(November(commune), agent);
        var number = $"{commune}-2026-11-000001";
        RecordPaymentRequest Payment(long cents, string operation, string means = "espèces") =>
            new() { InvoiceNumber = number, AmountCents = cents, Means = means, OperationId = operation };

        var noOperation = await Refused(() => Billing.RecordPayment(Payment(500, ""), agent));
        var zero = await Refused(() => Billing.RecordPayment(Payment(0, "g0"), agent));
        var noMeans = await Refused(() => Billing.RecordPayment(Payment(500, "g0", means: ""), agent));
        var first = await Billing.RecordPayment(Payment(1_000, "g1"), agent);
        var resent = await Billing.RecordPayment(Payment(1_000, "g1"), agent);
        var over = await Refused(() => Billing.RecordPayment(Payment(800, "g2"), agent));

        Assert.Equal((StatusCode.InvalidArgument, "Le paiement doit porter un identifiant d'opération (operation_id), pour n'être enregistré qu'une fois."),
            (noOperation.StatusCode, noOperation.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "Le montant d'un paiement doit être positif (0,00 € saisi)."), (zero.StatusCode, zero.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "Indiquez le moyen de paiement (espèces, chèque, carte bancaire…)."), (noMeans.StatusCode, noMeans.Status.Detail));
        Assert.Equal((1_000L, 1_000L, false), (first.PaidCents, resent.PaidCents, resent.Paid));
        Assert.Equal((StatusCode.FailedPrecondition, $"Le paiement de 8,00 € dépasse ce qui reste dû sur la facture {number} (7,00 €)."), (over.StatusCode, over.Status.Detail));
        var family = silo.Grains.GetGrain<IFamilyGrain>($"{commune}-F001");
        Assert.Equal(-700, (await family.GetAccount()).BalanceCents);
        // The family sees in its access log each time an agent handled its invoice (the payment and its resending).
        var logged = await silo.Grains.GetGrain<IAccessLogGrain>($"{commune}-F001").GetEntries();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, l => Assert.Equal(($"agent.{commune}", $"facture {number}", "paiement enregistré (espèces)", true), (l.AccountId, l.What, l.Why, l.Allowed)));
    }
}
