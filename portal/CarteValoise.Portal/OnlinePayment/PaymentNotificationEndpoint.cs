using CarteValoise.Contracts.Payments;
using Grpc.Core;

namespace CarteValoise.Portal.OnlinePayment;

/// <summary>
/// /Paiement/Notification, PayFiP's server-to-server call (its <c>urlnotif</c>) with the payment's idOp.
/// Sources disagree on GET or POST and on <c>idop</c> or <c>idOp</c>: all are taken. Anonymous and
/// without an anti-forgery token, as the call comes from PayFiP, not from a browser of ours; harmless
/// for the same reason it needs no signature: the portal only passes the idOp on, and the cloud asks
/// PayFiP itself what became of it. Always answered 200 at once, whatever came of it.
/// </summary>
public static class PaymentNotificationEndpoint
{
    public const string Path = "/Paiement/Notification";

    public static void MapPaymentNotification(this WebApplication app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], NotifiedAsync)
            .AllowAnonymous()
            .DisableAntiforgery();

    private static async Task<IResult> NotifiedAsync(HttpContext http, Payments.PaymentsClient payments, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(PaymentNotificationEndpoint));
        var idOp = await IdOpAsync(http.Request);
        if (string.IsNullOrWhiteSpace(idOp))
        {
            logger.LogWarning("Notification PayFiP sans idop, ignorée");
            return Results.Text("OK");
        }
        try
        {
            await payments.ConfirmNotificationAsync(new PaymentNotification { IdOp = idOp.Trim() },
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: http.RequestAborted);
        }
        catch (RpcException failure)
        {
            // PayFiP would retry or not; the cloud's reconciliation asks PayFiP anyway.
            logger.LogWarning("Notification PayFiP {IdOp} non transmise au cloud : {Status} {Detail}", idOp, failure.StatusCode, failure.Status.Detail);
        }
        return Results.Text("OK");
    }

    private static async Task<string?> IdOpAsync(HttpRequest request)
    {
        foreach (var (key, value) in request.Query)
            if (string.Equals(key, "idop", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value)) return value.ToString();
        if (!request.HasFormContentType) return null;
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        foreach (var (key, value) in form)
            if (string.Equals(key, "idop", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value)) return value.ToString();
        return null;
    }
}
