using System.Net;
using System.Xml.Linq;
using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Domain.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

/// <summary>The SOAP client against PayFiP's recorded answers: what it sends, what it reads, and what it does of silence and faults.</summary>
public sealed class PayFiPSoapClientTests
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Service = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));

    private static readonly PayFiPCreation Creation = new(
        new PayFiPPaymentFields("012345", "2026", "95018202611000001", "Facture 95018 2026 11 000001 cantine et periscolaire novembre 2026", 4_250,
            "parent.argenteuil@demo.cartevaloise.fr", PayFiPMode.Test),
        new Uri("https://portail.example.fr/Paiement/Notification"),
        new Uri("https://portail.example.fr/Paiement/Retour"));

    private PayFiPSoapClient Client(ScriptedPayFiP payfip) =>
        new(new OneClient(payfip), PayFiPSettings.From(new ConfigurationBuilder().Build()), _time, NullLogger<PayFiPSoapClient>.Instance);

    [Fact]
    public async Task Creating_a_payment_posts_creerPaiementSecurise_with_its_fields_in_arg0_and_reads_the_idOp()
    {
        var payfip = new ScriptedPayFiP().Answer(RecordedEnvelopes.Created);

        var idOp = await Client(payfip).CreatePaymentAsync(Creation, CancellationToken.None);

        Assert.Equal(RecordedEnvelopes.IdOp, idOp);
        var (request, body) = Assert.Single(payfip.Received);
        Assert.Equal((HttpMethod.Post, "https://www.payfip.gouv.fr/tpa/services/securite"), (request.Method, request.RequestUri!.AbsoluteUri));
        Assert.Equal("text/xml", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("\"\"", Assert.Single(request.Headers.GetValues("SOAPAction")));
        var operation = Assert.Single(XDocument.Parse(body).Root!.Element(Soap + "Body")!.Elements());
        Assert.Equal(Service + "creerPaiementSecurise", operation.Name);
        var arg0 = Assert.Single(operation.Elements());
        Assert.Equal(XName.Get("arg0"), arg0.Name);
        Assert.Equal(
        [
            ("exer", "2026"), ("mel", "parent.argenteuil@demo.cartevaloise.fr"), ("montant", "4250"), ("numcli", "012345"),
            ("objet", "Facture 95018 2026 11 000001 cantine et periscolaire novembre 2026"), ("refdet", "95018202611000001"), ("saisie", "T"),
            ("urlnotif", "https://portail.example.fr/Paiement/Notification"), ("urlredirect", "https://portail.example.fr/Paiement/Retour"),
        ], arg0.Elements().Select(e => (e.Name.ToString(), e.Value)));
    }

    [Fact]
    public async Task An_idOp_written_otherwise_is_read_all_the_same() =>
        Assert.Equal(RecordedEnvelopes.IdOp, await Client(new ScriptedPayFiP().Answer(RecordedEnvelopes.CreatedQualified)).CreatePaymentAsync(Creation, CancellationToken.None));

    [Fact]
    public async Task The_detail_of_a_paid_payment_is_read_field_by_field()
    {
        var payfip = new ScriptedPayFiP().Answer(RecordedEnvelopes.PaidDetail);

        var report = await Client(payfip).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None);

        var detail = Assert.IsType<GatewayReport.Detail>(report).Fields;
        Assert.Equal(new GatewayDetail(RecordedEnvelopes.IdOp, "95018202611000001", "4250", "012345", "2026", "P", "04122026", "2105", "412867",
            "parent.argenteuil@demo.cartevaloise.fr", "Facture 95018 2026 11 000001 cantine et periscolaire novembre 2026", "T"), detail);
        var operation = XDocument.Parse(Assert.Single(payfip.Received).Body).Root!.Element(Soap + "Body")!.Elements().Single();
        Assert.Equal(Service + "recupererDetailPaiementSecurise", operation.Name);
        Assert.Equal(RecordedEnvelopes.IdOp, operation.Element("arg0")!.Element("idOp")!.Value);
    }

    [Fact]
    public async Task P5_says_the_result_is_not_known_yet()
    {
        var report = await Client(new ScriptedPayFiP().Answer(RecordedEnvelopes.NotYetKnown, HttpStatusCode.InternalServerError))
            .GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None);

        Assert.IsType<GatewayReport.NotYetKnown>(report);
    }

    [Fact]
    public async Task P1_says_the_idOp_is_unknown_or_purged()
    {
        var report = await Client(new ScriptedPayFiP().Answer(RecordedEnvelopes.UnknownIdOp, HttpStatusCode.InternalServerError))
            .GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None);

        Assert.IsType<GatewayReport.UnknownIdOp>(report);
    }

    [Fact]
    public async Task A_functional_fault_on_creation_is_a_refusal_with_its_code_and_words()
    {
        var refused = await Assert.ThrowsAsync<PayFiPRefusedException>(() =>
            Client(new ScriptedPayFiP().Answer(RecordedEnvelopes.BadRefdet, HttpStatusCode.InternalServerError)).CreatePaymentAsync(Creation, CancellationToken.None));

        Assert.Equal(("R3", "Référence de la dette incorrecte", "Le format du paramètre REFDET n'est pas conforme", "2"),
            (refused.Code, refused.Libelle, refused.Descriptif, refused.Severite));
        Assert.Equal("PayFiP a refusé la demande (R3) : Le format du paramètre REFDET n'est pas conforme", refused.Message);
    }

    [Fact]
    public async Task A_technical_fault_is_PayFiP_unavailable_and_decides_nothing()
    {
        var unavailable = await Assert.ThrowsAsync<PayFiPUnavailableException>(() =>
            Client(new ScriptedPayFiP().Answer(RecordedEnvelopes.TechnicalFault, HttpStatusCode.InternalServerError)).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None));

        Assert.Equal("PayFiP est en erreur technique (TechDysfonctionnementErreur T1 : Dysfonctionnement technique).", unavailable.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_PayFiPs_is_PayFiP_unavailable()
    {
        var gateway = await Assert.ThrowsAsync<PayFiPUnavailableException>(() =>
            Client(new ScriptedPayFiP().Answer("<html><body>502 Bad Gateway</body></html>", HttpStatusCode.BadGateway, "text/html")).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None));
        var garbled = await Assert.ThrowsAsync<PayFiPUnavailableException>(() =>
            Client(new ScriptedPayFiP().Answer("Service Unavailable", HttpStatusCode.ServiceUnavailable, "text/plain")).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None));
        var unreadable = await Assert.ThrowsAsync<PayFiPUnavailableException>(() =>
            Client(new ScriptedPayFiP().Answer("<soap:Envelope", HttpStatusCode.OK)).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None));

        Assert.Equal("PayFiP a répondu 502 à recupererDetailPaiementSecurise.", gateway.Message);
        Assert.Equal("PayFiP a répondu 503 à recupererDetailPaiementSecurise.", garbled.Message);
        Assert.Equal("La réponse de PayFiP n'est pas du XML lisible.", unreadable.Message);
    }

    [Fact]
    public async Task A_call_without_an_answer_gives_up_after_15_seconds()
    {
        var payfip = new ScriptedPayFiP().NoAnswer();
        var call = Client(payfip).GetPaymentDetailAsync(RecordedEnvelopes.IdOp, CancellationToken.None);
        await payfip.Hanging.Task;

        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        var silence = await Assert.ThrowsAsync<PayFiPUnavailableException>(() => call);
        Assert.Equal("PayFiP n'a pas répondu dans les 15 secondes.", silence.Message);
    }

    /// <summary>The HTTP client factory handing out clients over the scripted PayFiP.</summary>
    private sealed class OneClient(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
