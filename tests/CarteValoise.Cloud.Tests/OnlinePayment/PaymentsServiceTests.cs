using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Cloud.Services;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Contracts.Payments;
using CarteValoise.Grains.Families;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

/// <summary>
/// The Payments service over a silo and a scripted PayFiP: what it creates at the gateway, that an
/// anonymous notification only makes it ask PayFiP (never for an idOp it did not create), the invoice
/// paid once and its receipt mailed, and the agents' reads written to the family's access log.
/// </summary>
[Collection(BillingSiloCollection.Name)]
public sealed class PaymentsServiceTests(BillingSilo silo) : IAsyncLifetime
{
    private readonly FakeGateway _gateway = new();
    private readonly CollectedMail _mail = new();
    private ReceiptMailer _receipts = null!;
    private PaymentsService _payments = null!;
    private PaymentReconciler _reconciler = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Identity:TokenSigningKey", new string('7', 64)), new("Portal:PublicUrl", "https://portail.example.fr")]).Build();
        var links = new PortalLinks(configuration);
        var grains = silo.Grains;
        _receipts = new ReceiptMailer(grains, _mail, links, NullLogger<ReceiptMailer>.Instance);
        await _receipts.StartAsync(CancellationToken.None);
        var confirmer = new PaymentConfirmer(grains, _gateway, _receipts, NullLogger<PaymentConfirmer>.Instance);
        var starter = new PaymentStarter(grains, _gateway, PayFiPSettings.From(configuration), links, silo.Time, NullLogger<PaymentStarter>.Instance);
        var tokens = new SessionTokens(SessionKey.FromConfiguration(configuration, Path.GetTempPath()), silo.Time);
        _payments = new PaymentsService(grains, new CallerResolver(tokens), new AccessLog(grains, silo.Time, NullLogger<AccessLog>.Instance),
            starter, confirmer, silo.Time, NullLogger<PaymentsService>.Instance);
        _reconciler = new PaymentReconciler(grains, confirmer, _receipts, PayFiPSettings.From(configuration), silo.Time, NullLogger<PaymentReconciler>.Instance);
    }

    public async Task DisposeAsync() => await _receipts.StopAsync(CancellationToken.None);

    /// <summary>A commune of its own with November closed; family 001's invoice (17,00 €) and its parent, who has an address for the receipt.</summary>
    private async Task<(string Commune, string Family, string Invoice)> InvoicedAsync()
    {
        var commune = await silo.NewCommune("Argenteuil");
        var familyId = $"{commune}-F001";
        var family = silo.Grains.GetGrain<IFamilyGrain>(familyId);
        await family.Register((await family.GetProfile())! with { Email = "martin@exemple.fr" });
        var closed = await silo.Grains.GetGrain<Grains.Billing.IInvoiceBookGrain>(commune).CloseMonth(new DateOnly(2026, 11, 1), "Agent");
        return (commune, familyId, closed.Invoices.Single(i => i.FamilyId == familyId).Number);
    }

    [Fact]
    public async Task A_parent_pays_an_invoice_its_notification_is_confirmed_with_PayFiP_and_the_receipt_is_mailed()
    {
        var (commune, familyId, number) = await InvoicedAsync();
        var parent = silo.Parent(familyId);

        var started = await _payments.StartPayment(new StartPaymentRequest { InvoiceNumber = number }, parent);

        var creation = Assert.Single(_gateway.Created);
        Assert.Equal((number.Replace("-", ""), 1_700L, "martin@exemple.fr", "012345", "2026"),
            (creation.Fields.Refdet, creation.Fields.MontantCents, creation.Fields.Mel, creation.Fields.Numcli, creation.Fields.Exer));
        Assert.Equal(("https://portail.example.fr/Paiement/Notification", "https://portail.example.fr/Paiement/Retour"), (creation.UrlNotif.AbsoluteUri, creation.UrlRedirect.AbsoluteUri));
        Assert.Equal($"https://payfip.example/tpa/paiementws.web?idop={started.IdOp}", started.GatewayUrl);
        Assert.Equal((PaymentState.Pending, 1_700L, number, $"Facture {number} (novembre 2026)"), (started.Payment.State, started.Payment.AmountCents, started.Payment.InvoiceNumber, started.Payment.Purpose));

        _gateway.Pays(started.IdOp, creation);
        await _payments.ConfirmNotification(new PaymentNotification { IdOp = started.IdOp }, BillingSilo.Anonymous);
        await _payments.ConfirmNotification(new PaymentNotification { IdOp = started.IdOp }, BillingSilo.Anonymous);

        var invoice = (await silo.Grains.GetGrain<IFamilyGrain>(familyId).GetInvoices()).Single();
        Assert.Equal((true, 1_700L), (invoice.IsPaid, invoice.PaidCents));
        Assert.Equal([started.IdOp, started.IdOp], _gateway.Asked);
        var mail = await _mail.NextAsync(m => m.TextBody.Contains(started.IdOp, StringComparison.Ordinal));
        Assert.Equal(("martin@exemple.fr", "Reçu de votre paiement en ligne de 17,00 € — Argenteuil"), (mail.To, mail.Subject));
        Assert.Contains("« Mes paiements » : https://portail.example.fr/Paiement", mail.TextBody);
        Assert.Equal("application/pdf", Assert.Single(mail.Attachments!).ContentType);
        Assert.Single(_mail.Sent, m => m.TextBody.Contains(started.IdOp, StringComparison.Ordinal));
        var mine = Assert.Single((await _payments.ListMyPayments(new ListMyPaymentsRequest(), parent)).Payments);
        Assert.Equal((PaymentState.Paid, "Payé", true, commune), (mine.State, mine.StateLabel, mine.ReceiptAvailable, mine.CommuneInseeCode));
    }

    [Fact]
    public async Task A_notification_of_an_idOp_the_platform_never_created_asks_PayFiP_nothing()
    {
        await _payments.ConfirmNotification(new PaymentNotification { IdOp = Guid.NewGuid().ToString() }, BillingSilo.Anonymous);
        await _payments.ConfirmNotification(new PaymentNotification { IdOp = "<script>" }, BillingSilo.Anonymous);

        Assert.Empty(_gateway.Asked);
    }

    [Fact]
    public async Task An_agent_of_the_commune_reads_a_payment_logged_and_another_communes_agent_as_if_it_did_not_exist()
    {
        var (commune, familyId, number) = await InvoicedAsync();
        var started = await _payments.StartPayment(new StartPaymentRequest { InvoiceNumber = number }, silo.Parent(familyId));
        var other = await silo.NewCommune("Pontoise");

        var read = await _payments.ReconcilePayment(new ReconcilePaymentRequest { IdOp = started.IdOp }, silo.Agent(commune));
        var refused = await Assert.ThrowsAsync<RpcException>(() => _payments.GetPayment(new GetPaymentRequest { IdOp = started.IdOp }, silo.Agent(other)));
        var list = await Assert.ThrowsAsync<RpcException>(() => _payments.ListCommunePayments(new ListCommunePaymentsRequest { CommuneInseeCode = commune }, silo.Agent(other)));

        Assert.Equal(PaymentState.Pending, read.State);
        Assert.Equal((StatusCode.NotFound, "Paiement introuvable."), (refused.StatusCode, refused.Status.Detail));
        Assert.Equal((StatusCode.PermissionDenied, "Accès refusé aux paiements de cette commune."), (list.StatusCode, list.Status.Detail));
        var log = await silo.Grains.GetGrain<IAccessLogGrain>(familyId).GetEntries();
        Assert.Equal(
        [
            ($"agent.{commune}", $"paiement en ligne {started.IdOp} (Facture {number} (novembre 2026))", "rapprochement avec PayFiP", true),
            ($"agent.{other}", $"paiement en ligne {started.IdOp}", "accès refusé", false),
        ], log.Select(e => (e.AccountId, e.What, e.Why, e.Allowed)));
    }

    [Fact]
    public async Task The_timer_confirms_a_payment_whose_notification_never_came_and_expires_one_never_paid_after_20_minutes()
    {
        var (commune, familyId, number) = await InvoicedAsync();
        await silo.Grains.GetGrain<Grains.Communes.IDepartementGrain>(Grains.GrainKeys.Departement).RegisterCommune(commune, "Argenteuil");
        var parent = silo.Parent(familyId);
        var paid = await _payments.StartPayment(new StartPaymentRequest { InvoiceNumber = number }, parent);
        _gateway.Pays(paid.IdOp, _gateway.Created.Last());
        var never = await _payments.StartPayment(new StartPaymentRequest { InvoiceNumber = number }, parent);

        await _reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(PaymentState.Paid, (await _payments.GetPayment(new GetPaymentRequest { IdOp = paid.IdOp }, parent)).State);
        Assert.Equal(PaymentState.Pending, (await _payments.GetPayment(new GetPaymentRequest { IdOp = never.IdOp }, parent)).State);
        Assert.True((await silo.Grains.GetGrain<IFamilyGrain>(familyId).GetInvoices()).Single().IsPaid);

        silo.Time.Advance(TimeSpan.FromMinutes(20));
        await _reconciler.ReconcileAsync(CancellationToken.None);

        var expired = await _payments.GetPayment(new GetPaymentRequest { IdOp = never.IdOp }, parent);
        Assert.Equal((PaymentState.Expired, "Aucun paiement n'a abouti dans les 20 minutes : la demande de paiement a expiré. Rien n'a été prélevé ni crédité."),
            (expired.State, expired.Explanation));
        // Both asked once per pass, the expired one never again.
        var asked = _gateway.Asked.Count(id => id == never.IdOp);
        await _reconciler.ReconcileAsync(CancellationToken.None);
        Assert.Equal(asked, _gateway.Asked.Count(id => id == never.IdOp));
    }
}
