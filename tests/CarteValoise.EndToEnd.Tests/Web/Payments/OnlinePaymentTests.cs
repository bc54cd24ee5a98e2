using System.Net;
using System.Text;
using CarteValoise.Contracts.Payments;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Grpc.Core;
using MimeKit;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Payments;

/// <summary>
/// A parent of Pontoise (prepaid balance) paying online through the portal and the sandbox gateway,
/// which speaks PayFiP's protocol. The balance is read from the cloud before and after, so each test
/// sees exactly what its own payment did: credited once when paid, not at all when refused,
/// abandoned, forged, replayed or altered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OnlinePaymentTests(PlatformFixture platform, ITestOutputHelper output)
{
    private async Task<(WebSession Session, PayingParent Parent, PaymentsCloud Cloud, Metadata Token)> PontoiseParentAsync()
    {
        var portal = await platform.PortalAsync();
        var session = new WebSession(portal);
        var home = await session.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        Assert.Equal("/", home.Address.AbsolutePath);
        var cloud = new PaymentsCloud(await platform.CloudAsync());
        return (session, new PayingParent(session, portal), cloud, await cloud.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword));
    }

    private static async Task<WebPage> NotifyAsync(Uri portal, HttpMethod method, string query, IReadOnlyDictionary<string, string>? form = null)
    {
        using var payfip = new HttpClient { BaseAddress = portal };
        using var request = new HttpRequestMessage(method, "/Paiement/Notification" + query);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        using var response = await payfip.SendAsync(request);
        return new WebPage(response.StatusCode, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public Task A_top_up_paid_by_card_is_credited_once_with_its_receipt_on_the_page_and_by_mail() => platform.RunAsync(output, async () =>
    {
        var (session, parent, cloud, token) = await PontoiseParentAsync();
        using var _ = session;
        using var __ = cloud;
        var before = (await cloud.FamilyAsync(token)).BalanceCents;

        var home = await session.GetAsync("/");
        var topUp = Markup.Tags(home.Html, "a").Single(a => a["data-top-up"] == "true");
        Assert.Equal(("/Paiement/Recharger", "Recharger le solde"), (topUp["href"], Markup.Text(home.Html[topUp.End..Markup.EndOf(home.Html, topUp)])));
        var gateway = await parent.StartTopUpAsync(2_000);
        Assert.Contains("20,00 €", Markup.Text(gateway.Html));
        Assert.Contains("Rechargement du solde cantine famille 95500 F001", Markup.Text(gateway.Html));

        var back = ReturnPage.Parse((await parent.ChooseAsync(gateway, "payer")).Html);

        Assert.Equal(("Paiement accepté", "paid", gateway.IdOp, 2_000L, ""), (back.Heading, back.State, back.IdOp, back.AmountCents, back.InvoiceNumber));
        Assert.Equal("Paiement de 20,00 € accepté par carte bancaire sur PayFiP.", back.Explanation);
        Assert.Contains("Porté au compte de la famille : Rechargement en ligne du solde (carte bancaire).", back.Text);
        Assert.Equal(before + 2_000, (await cloud.FamilyAsync(token)).BalanceCents);

        using var files = new Downloads(await platform.PortalAsync());
        await files.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        var receipt = await files.GetAsync(back.ReceiptLink ?? throw new Xunit.Sdk.XunitException("The return page of a paid payment has no receipt link."));
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (receipt.Status, receipt.MediaType));
        Assert.StartsWith("recu-paiement-RECH95500F001", receipt.FileName);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(receipt.Bytes, 0, 5));

        var mail = await platform.Mail.WaitForAsync(PaymentsDemo.PontoiseParent, m => m.TextBody?.Contains(gateway.IdOp, StringComparison.Ordinal) == true);
        Assert.Equal("Reçu de votre paiement en ligne de 20,00 € — Pontoise", mail.Subject);
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal(("application/pdf", receipt.FileName), (attachment.ContentType.MimeType, attachment.FileName));

        var mine = await session.GetAsync("/Paiement");
        var row = Markup.Tags(mine.Html, "tr").Single(tr => tr["data-id-op"] == gateway.IdOp);
        Assert.Equal(("paid", "2000"), (row["data-state"], row["data-amount-cents"]));
    });

    [Fact]
    public Task A_notification_replayed_and_sent_every_way_credits_the_payment_once() => platform.RunAsync(output, async () =>
    {
        var (session, parent, cloud, token) = await PontoiseParentAsync();
        using var _ = session;
        using var __ = cloud;
        var portal = await platform.PortalAsync();
        var before = (await cloud.FamilyAsync(token)).BalanceCents;
        var gateway = await parent.StartTopUpAsync(1_500);
        Assert.Equal("paid", ReturnPage.Parse((await parent.ChooseAsync(gateway, "payer")).Html).State);

        var replays = new[]
        {
            await NotifyAsync(portal, HttpMethod.Post, "", new Dictionary<string, string> { ["idop"] = gateway.IdOp }),
            await NotifyAsync(portal, HttpMethod.Post, "", new Dictionary<string, string> { ["idOp"] = gateway.IdOp }),
            await NotifyAsync(portal, HttpMethod.Get, $"?idOp={gateway.IdOp}"),
            await NotifyAsync(portal, HttpMethod.Get, $"?idop={gateway.IdOp}"),
        };

        Assert.All(replays, replay => Assert.Equal((HttpStatusCode.OK, "OK"), (replay.Status, replay.Html)));
        var family = await cloud.FamilyAsync(token);
        Assert.Equal(before + 1_500, family.BalanceCents);
        Assert.Single(family.RecentMovements, m => m.AmountCents == 1_500 && m.Label.StartsWith("Rechargement en ligne", StringComparison.Ordinal)
            && m.At.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var payment = await cloud.Payments.GetPaymentAsync(new GetPaymentRequest { IdOp = gateway.IdOp }, token, deadline: CloudApi.Deadline);
        Assert.Equal(PaymentState.Paid, payment.State);
    });

    [Fact]
    public Task A_forged_notification_of_an_unknown_or_unpaid_idop_changes_nothing() => platform.RunAsync(output, async () =>
    {
        var (session, parent, cloud, token) = await PontoiseParentAsync();
        using var _ = session;
        using var __ = cloud;
        var portal = await platform.PortalAsync();
        var before = (await cloud.FamilyAsync(token)).BalanceCents;
        var mine = (await cloud.Payments.ListMyPaymentsAsync(new ListMyPaymentsRequest(), token, deadline: CloudApi.Deadline)).Payments.Count;
        var forged = Guid.NewGuid().ToString();

        var unknown = await NotifyAsync(portal, HttpMethod.Post, "", new Dictionary<string, string> { ["idop"] = forged });
        var garbage = await NotifyAsync(portal, HttpMethod.Get, "?idop=%3Cscript%3E");
        // A real idOp, not paid: the notification says «paid» to nobody; the gateway says it is not.
        var gateway = await parent.StartTopUpAsync(3_000);
        var unpaid = await NotifyAsync(portal, HttpMethod.Post, "", new Dictionary<string, string> { ["idop"] = gateway.IdOp, ["resultrans"] = "P", ["montant"] = "3000" });

        Assert.All(new[] { unknown, garbage, unpaid }, n => Assert.Equal((HttpStatusCode.OK, "OK"), (n.Status, n.Html)));
        var notFound = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.GetPaymentAsync(new GetPaymentRequest { IdOp = forged }, token, deadline: CloudApi.Deadline));
        Assert.Equal((StatusCode.NotFound, "Paiement introuvable."), (notFound.StatusCode, notFound.Status.Detail));
        var pending = await cloud.Payments.GetPaymentAsync(new GetPaymentRequest { IdOp = gateway.IdOp }, token, deadline: CloudApi.Deadline);
        Assert.Equal((PaymentState.Pending, "Le paiement est en cours auprès de PayFiP : son résultat n'est pas encore connu."), (pending.State, pending.Explanation));
        Assert.Equal(before, (await cloud.FamilyAsync(token)).BalanceCents);
        Assert.Equal(mine + 1, (await cloud.Payments.ListMyPaymentsAsync(new ListMyPaymentsRequest(), token, deadline: CloudApi.Deadline)).Payments.Count);

        // The payer comes back without paying: the return page says so, from the gateway's word.
        var back = ReturnPage.Parse((await session.GetAsync($"/Paiement/Retour?idop={gateway.IdOp}")).Html);
        Assert.Equal(("Paiement en cours", "pending"), (back.Heading, back.State));
        Assert.Null(back.ReceiptLink);
    });

    [Fact]
    public Task An_answer_of_the_gateway_with_another_amount_is_refused_and_credits_nothing() => platform.RunAsync(output, async () =>
    {
        var (session, parent, cloud, token) = await PontoiseParentAsync();
        using var _ = session;
        using var __ = cloud;
        var before = (await cloud.FamilyAsync(token)).BalanceCents;
        var gateway = await parent.StartTopUpAsync(2_500);

        var back = ReturnPage.Parse((await parent.ChooseAsync(gateway, "payer", new Dictionary<string, string> { ["montantAnnonce"] = "25000" })).Html);

        Assert.Equal(("Paiement en anomalie", "rejected"), (back.Heading, back.State));
        Assert.Equal("La réponse de PayFiP ne correspond pas au paiement créé (montant : 25,00 € attendu, 250,00 € annoncé) : rien n'a été crédité. La commune vérifie ce paiement.",
            back.Explanation);
        Assert.Null(back.ReceiptLink);
        Assert.Equal(before, (await cloud.FamilyAsync(token)).BalanceCents);
        var receipt = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.GetReceiptPdfAsync(new GetReceiptPdfRequest { IdOp = gateway.IdOp }, token, deadline: CloudApi.Deadline));
        Assert.Equal((StatusCode.FailedPrecondition, "Ce paiement n'a pas abouti (anomalie) : il n'a pas de reçu."), (receipt.StatusCode, receipt.Status.Detail));
    });

    [Theory]
    [InlineData("refuser", "Paiement refusé", "refused", "Le paiement a été refusé par la banque : rien n'a été prélevé ni crédité.")]
    [InlineData("abandonner", "Paiement abandonné", "abandoned", "Le paiement a été abandonné sur la page de PayFiP : rien n'a été prélevé ni crédité.")]
    public Task A_refused_or_abandoned_payment_credits_nothing(string action, string heading, string state, string explanation) => platform.RunAsync(output, async () =>
    {
        var (session, parent, cloud, token) = await PontoiseParentAsync();
        using var _ = session;
        using var __ = cloud;
        var before = (await cloud.FamilyAsync(token)).BalanceCents;
        var gateway = await parent.StartTopUpAsync(1_000);

        var back = ReturnPage.Parse((await parent.ChooseAsync(gateway, action)).Html);

        Assert.Equal((heading, state, explanation), (back.Heading, back.State, back.Explanation));
        Assert.Null(back.ReceiptLink);
        Assert.Equal(before, (await cloud.FamilyAsync(token)).BalanceCents);
        // The gateway's page is over for this idOp: paying now is refused there.
        var again = await session.GetAsync(gateway.Address.PathAndQuery);
        Assert.Contains(action == "refuser" ? "Ce paiement a été refusé." : "Ce paiement a été abandonné.", again.Text);
        Assert.DoesNotContain(Markup.Tags(again.Html, "input"), i => i["name"] == "numeroCarte");
    });

    [Fact]
    public Task A_bad_top_up_amount_is_said_next_to_the_field_and_creates_no_payment() => platform.RunAsync(output, async () =>
    {
        var (session, _, cloud, token) = await PontoiseParentAsync();
        using var __ = session;
        using var ___ = cloud;
        var mine = (await cloud.Payments.ListMyPaymentsAsync(new ListMyPaymentsRequest(), token, deadline: CloudApi.Deadline)).Payments.Count;

        var tooMuch = await session.SubmitFormHoldingAsync("/Paiement/Recharger", "montant", new Dictionary<string, string> { ["montant"] = "600" });
        var notAnAmount = await session.SubmitFormHoldingAsync("/Paiement/Recharger", "montant", new Dictionary<string, string> { ["montant"] = "vingt" });

        Assert.Equal("/Paiement/Recharger", tooMuch.Address.AbsolutePath);
        var error = Markup.Tags(tooMuch.Html, "p").Single(p => p["id"] == "montant-erreur");
        Assert.Equal("Le montant du rechargement doit être compris entre 1,00 € et 500,00 € (600,00 € demandé).",
            Markup.Text(tooMuch.Html[error.End..Markup.EndOf(tooMuch.Html, error)]));
        Assert.Contains("Le montant du rechargement doit être compris entre 1,00 € et 500,00 € (600,00 € demandé).",
            Markup.Text(tooMuch.Html[Markup.Tags(tooMuch.Html, "div").Single(d => d.HasClass("error-summary")).End..]));
        Assert.Contains("Saisissez le montant à ajouter en euros, supérieur à zéro", notAnAmount.Text);
        Assert.Equal("true", Markup.Tags(notAnAmount.Html, "input").Single(i => i["name"] == "montant")["aria-invalid"]);
        Assert.Equal(mine, (await cloud.Payments.ListMyPaymentsAsync(new ListMyPaymentsRequest(), token, deadline: CloudApi.Deadline)).Payments.Count);
    });

    [Fact]
    public Task The_cloud_refuses_a_top_up_where_invoices_are_paid_and_another_familys_invoice() => platform.RunAsync(output, async () =>
    {
        using var cloud = new PaymentsCloud(await platform.CloudAsync());
        var argenteuil = await cloud.SignInAsync(PaymentsDemo.ArgenteuilParent, Demo.ParentPassword);
        var pontoise = await cloud.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        var agent = await cloud.SignInAsync(PaymentsDemo.PontoiseAgent, Demo.AgentPassword);

        var topUp = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.StartPaymentAsync(new StartPaymentRequest { TopUpCents = 2_000 }, argenteuil, deadline: CloudApi.Deadline));
        var otherInvoice = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.StartPaymentAsync(new StartPaymentRequest { InvoiceNumber = "95018-2026-01-000001" }, pontoise, deadline: CloudApi.Deadline));
        var byAnAgent = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.StartPaymentAsync(new StartPaymentRequest { TopUpCents = 2_000 }, agent, deadline: CloudApi.Deadline));

        Assert.Equal((StatusCode.FailedPrecondition, "Votre commune facture les repas au mois : il n'y a pas de solde à recharger. Payez vos factures en ligne depuis « Ma famille »."),
            (topUp.StatusCode, topUp.Status.Detail));
        Assert.Equal((StatusCode.NotFound, "Facture 95018-2026-01-000001 introuvable."), (otherInvoice.StatusCode, otherInvoice.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, byAnAgent.StatusCode);
    });
}
