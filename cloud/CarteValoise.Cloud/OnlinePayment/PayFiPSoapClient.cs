using System.Net.Http.Headers;
using System.Text;
using CarteValoise.Domain.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// PayFiP's SOAP web service over HTTP: a POST of the envelope to <c>PayFiP:SoapUrl</c> with an empty
/// SOAPAction, a SOAP fault answered with HTTP 500. Each call gives up after <c>PayFiP:TimeoutSeconds</c>
/// (15 s, the usual setting in the field): a payment is never decided on a silence.
/// </summary>
public sealed class PayFiPSoapClient(IHttpClientFactory clients, PayFiPSettings settings, TimeProvider time, ILogger<PayFiPSoapClient> logger) : IPayFiPGateway
{
    /// <summary>The named HTTP client the calls go through (its handlers rotated by the factory).</summary>
    public const string HttpClientName = "PayFiP";

    public async Task<string> CreatePaymentAsync(PayFiPCreation creation, CancellationToken cancellationToken)
    {
        var body = await CallAsync("creerPaiementSecurise", PayFiPEnvelopes.CreatePayment(creation.Fields, creation.UrlNotif, creation.UrlRedirect), cancellationToken);
        return PayFiPEnvelopes.ReadCreated(body);
    }

    public async Task<GatewayReport> GetPaymentDetailAsync(string idOp, CancellationToken cancellationToken)
    {
        var body = await CallAsync("recupererDetailPaiementSecurise", PayFiPEnvelopes.GetPaymentDetail(idOp), cancellationToken);
        return PayFiPEnvelopes.ReadDetail(body);
    }

    public Uri PaymentPage(string idOp) => settings.PaymentPage(idOp);

    private async Task<string> CallAsync(string operation, string envelope, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.SoapUrl)
        {
            Content = new StringContent(envelope, Encoding.UTF8, new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" }),
        };
        request.Headers.Add("SOAPAction", "\"\"");
        try
        {
            var http = clients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            // A SOAP fault comes with 500; an error status without one is not PayFiP speaking (a proxy, a load balancer).
            if (!response.IsSuccessStatusCode && !body.Contains("Fault>", StringComparison.Ordinal))
                throw new PayFiPUnavailableException($"PayFiP a répondu {(int)response.StatusCode} à {operation}.");
            return body;
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("PayFiP n'a pas répondu à {Operation} en {Seconds} s", operation, settings.Timeout.TotalSeconds);
            throw new PayFiPUnavailableException($"PayFiP n'a pas répondu dans les {settings.Timeout.TotalSeconds:0} secondes.", cancelled);
        }
        catch (HttpRequestException unreachable)
        {
            logger.LogWarning(unreachable, "PayFiP injoignable pour {Operation}", operation);
            throw new PayFiPUnavailableException("PayFiP est injoignable.", unreachable);
        }
    }
}
