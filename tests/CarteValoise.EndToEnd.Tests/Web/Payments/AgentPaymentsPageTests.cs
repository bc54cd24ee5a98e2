using System.Net;
using CarteValoise.Contracts.Payments;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Payments;

/// <summary>
/// The agents' online payments page (/Admin/Paiements): Pontoise's agent sees the payments of
/// Pontoise's families with their state and the month's totals, and reconciles a payment whose
/// notification was lost; Cergy's agent is refused Pontoise's payments.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentPaymentsPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static string ThisMonth => Reservations.ReservationDemo.TodayInParis.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public Task An_agent_sees_the_communes_payments_and_reconciles_one_whose_notification_was_lost() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        using var cloud = new PaymentsCloud(await platform.CloudAsync());
        var token = await cloud.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        using var session = new WebSession(portal);
        await session.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        var parent = new PayingParent(session, portal);
        var paid = await parent.StartTopUpAsync(1_200);
        Assert.Equal("paid", ReturnPage.Parse((await parent.ChooseAsync(paid, "payer")).Html).State);
        var lost = await parent.StartTopUpAsync(1_300);
        await parent.PayAndVanishAsync(lost);
        var balance = (await cloud.FamilyAsync(token)).BalanceCents;

        using var agent = new WebSession(portal);
        await agent.SignInAsync(PaymentsDemo.PontoiseAgent, Demo.AgentPassword);
        var page = AgentPaymentsPage.Parse((await agent.GetAsync($"/Admin/Paiements?commune={PaymentsDemo.Pontoise}&mois={ThisMonth}")).Html);

        Assert.Equal((PaymentsDemo.Pontoise, ThisMonth), (page.Commune, page.Month));
        Assert.Equal(("paid", PaymentsDemo.PontoiseFamily, 1_200L, ""), (page.Row(paid.IdOp).State, page.Row(paid.IdOp).FamilyId, page.Row(paid.IdOp).AmountCents, page.Row(paid.IdOp).InvoiceNumber));
        Assert.Contains("Rechargement du solde", page.Row(paid.IdOp).Text);
        Assert.Contains("Reçu (PDF)", page.Row(paid.IdOp).Text);
        Assert.Equal("pending", page.Row(lost.IdOp).State);
        var inCloud = await cloud.Payments.ListCommunePaymentsAsync(new ListCommunePaymentsRequest { CommuneInseeCode = PaymentsDemo.Pontoise, Month = ThisMonth },
            await cloud.SignInAsync(PaymentsDemo.PontoiseAgent, Demo.AgentPassword), deadline: CloudApi.Deadline);
        Assert.Equal((inCloud.Count, inCloud.PaidCount, inCloud.PaidCents, inCloud.PendingCount, inCloud.PendingCents), page.Totals);
        Assert.Equal(inCloud.Payments.Select(p => p.IdOp), page.Payments.Select(p => p.IdOp));

        var reconciled = AgentPaymentsPage.Parse((await agent.SubmitFormHoldingAsync($"/Admin/Paiements?commune={PaymentsDemo.Pontoise}&mois={ThisMonth}", "idop",
            new Dictionary<string, string> { ["idop"] = lost.IdOp })).Html);

        Assert.Equal((lost.IdOp, "paid"), (reconciled.Reconciled?.IdOp, reconciled.Reconciled?.State));
        Assert.Equal($"Paiement {lost.IdOp} rapproché avec PayFiP : payé. Paiement de 13,00 € accepté par carte bancaire sur PayFiP.", reconciled.Reconciled?.Text);
        Assert.Equal("paid", reconciled.Row(lost.IdOp).State);
        Assert.Equal(balance + 1_300, (await cloud.FamilyAsync(token)).BalanceCents);

        var paidOnly = AgentPaymentsPage.Parse((await agent.GetAsync($"/Admin/Paiements?commune={PaymentsDemo.Pontoise}&mois={ThisMonth}&etat=paid")).Html);
        Assert.All(paidOnly.Payments, p => Assert.Equal("paid", p.State));
        Assert.Contains(paidOnly.Payments, p => p.IdOp == lost.IdOp);
    });

    [Fact]
    public Task Another_communes_agent_is_refused_its_payments_and_cannot_reconcile_them() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        using var cloud = new PaymentsCloud(await platform.CloudAsync());
        using var session = new WebSession(portal);
        await session.SignInAsync(PaymentsDemo.PontoiseParent, Demo.ParentPassword);
        var gateway = await new PayingParent(session, portal).StartTopUpAsync(1_100);

        using var cergy = new WebSession(portal);
        await cergy.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var page = await cergy.GetAsync($"/Admin/Paiements?commune={PaymentsDemo.Pontoise}");
        var cergyToken = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var reconcile = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.ReconcilePaymentAsync(new ReconcilePaymentRequest { IdOp = gateway.IdOp }, cergyToken, deadline: CloudApi.Deadline));
        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await cloud.Payments.GetPaymentAsync(new GetPaymentRequest { IdOp = gateway.IdOp }, cergyToken, deadline: CloudApi.Deadline));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("Accès refusé", page.Text);
        Assert.DoesNotContain(gateway.IdOp, page.Html);
        Assert.Equal((StatusCode.NotFound, "Paiement introuvable."), (reconcile.StatusCode, reconcile.Status.Detail));
        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        // Their own commune's page is theirs, without Pontoise's payment.
        var own = await cergy.GetAsync("/Admin/Paiements");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(Demo.Cergy, AgentPaymentsPage.Parse(own.Html).Commune);
        Assert.DoesNotContain(gateway.IdOp, own.Html);
    });
}
