using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CarteValoise.Web.Formatting;
using Microsoft.AspNetCore.Antiforgery;

namespace CarteValoise.Portal.OnlinePayment.Sandbox;

/// <summary>
/// The sandbox's payment page, /bac-a-sable/payfip/tpa/paiementws.web?idop=…, where PayFiP would show
/// its own: the amount and the object, a test card form («Payer par carte»), «Refuser» (the card is
/// refused) and «Abandonner». Once the payer chose, the sandbox does what PayFiP does: it calls the
/// payment's <c>urlnotif</c> server-to-server with the idOp, then sends the browser to
/// <c>urlredirect?idop=…</c>. A test option makes the detail announce another amount than the one
/// created, for the tests of a tampered answer (a sandbox moves no money); another skips the
/// notification, as when PayFiP's call never reaches the site.
/// </summary>
public static partial class SandboxPaymentPage
{
    public const string CardField = "numeroCarte";
    public const string ExpiryField = "expiration";
    public const string CvvField = "cryptogramme";
    public const string AnnouncedField = "montantAnnonce";
    public const string SilentField = "sansNotification";
    public const string ActionField = "action";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static IResult Show(HttpContext http, SandboxPayments payments, IAntiforgery antiforgery)
    {
        var payment = payments.Find(http.Request.Query["idop"]);
        return payment is null
            ? Page(http, "Opération inconnue", "<p>Aucun paiement ne porte cet identifiant d'opération.</p>", StatusCodes.Status404NotFound)
            : Page(http, "Paiement en ligne", Body(http, antiforgery, payments, payment, new Dictionary<string, string>(), new Dictionary<string, string>()));
    }

    public static async Task<IResult> ChooseAsync(HttpContext http, SandboxPayments payments, IAntiforgery antiforgery, IHttpClientFactory clients, ILoggerFactory loggers)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Page(http, "Formulaire expiré", "<p>Ce formulaire n'est plus valable : rouvrez la page de paiement depuis le site de la commune.</p>", StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var payment = payments.Find(form["idop"]);
        if (payment is null)
            return Page(http, "Opération inconnue", "<p>Aucun paiement ne porte cet identifiant d'opération.</p>", StatusCodes.Status404NotFound);

        var typed = form.ToDictionary(f => f.Key, f => f.Value.ToString().Trim());
        var (resultrans, errors) = typed.GetValueOrDefault(ActionField) switch
        {
            "payer" => ("P", CardErrors(typed)),
            "refuser" => ("R", new Dictionary<string, string>()),
            "abandonner" => ("A", new Dictionary<string, string>()),
            _ => ("", new Dictionary<string, string> { [ActionField] = "Choisissez « Payer par carte », « Refuser » ou « Abandonner »." }),
        };
        long? announced = null;
        if (typed.GetValueOrDefault(AnnouncedField) is { Length: > 0 } announcedText)
        {
            if (long.TryParse(announcedText, NumberStyles.None, CultureInfo.InvariantCulture, out var cents)) announced = cents;
            else errors[AnnouncedField] = "Le montant annoncé s'écrit en centimes, en chiffres seulement.";
        }
        if (errors.Count > 0)
            return Page(http, "Paiement en ligne", Body(http, antiforgery, payments, payment, typed, errors), StatusCodes.Status200OK);

        // The other test option: a notification lost on the way, for the site's reconciliation to make up for.
        var notify = typed.GetValueOrDefault(SilentField) is not ("on" or "true");
        if (payments.Decide(payment, resultrans, announced) && notify)
            await NotifyAsync(payment, clients, loggers.CreateLogger(typeof(SandboxPaymentPage)), http.RequestAborted);
        return Results.Redirect(ReturnAddress(payment), permanent: false, preserveMethod: false);
    }

    /// <summary>PayFiP's server-to-server call to the site's urlnotif, with the idOp; its answer is not PayFiP's business.</summary>
    private static async Task NotifyAsync(SandboxPayment payment, IHttpClientFactory clients, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            using var http = clients.CreateClient(SandboxRegistration.NotifierClient);
            using var response = await http.PostAsync(payment.UrlNotif, new FormUrlEncodedContent([new("idop", payment.IdOp)]), cancellationToken);
            logger.LogInformation("Bac à sable PayFiP : notification de {IdOp} ({Result}) à {Url} : {Status}", payment.IdOp, payment.Resultrans, payment.UrlNotif, (int)response.StatusCode);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Bac à sable PayFiP : notification de {IdOp} à {Url} sans réponse : {Reason}", payment.IdOp, payment.UrlNotif, failure.Message);
        }
    }

    public static string ReturnAddress(SandboxPayment payment) =>
        payment.UrlRedirect.AbsoluteUri + (string.IsNullOrEmpty(payment.UrlRedirect.Query) ? "?" : "&") + "idop=" + Uri.EscapeDataString(payment.IdOp);

    private static Dictionary<string, string> CardErrors(IReadOnlyDictionary<string, string> typed)
    {
        var errors = new Dictionary<string, string>();
        if (!CardNumber().IsMatch(typed.GetValueOrDefault(CardField, "").Replace(" ", "")))
            errors[CardField] = "Saisissez les 16 chiffres de la carte, par exemple 4970 1000 0000 0003.";
        if (!Expiry().IsMatch(typed.GetValueOrDefault(ExpiryField, "")))
            errors[ExpiryField] = "Saisissez la date d'expiration sous la forme MM/AA, par exemple 12/29.";
        if (!Cvv().IsMatch(typed.GetValueOrDefault(CvvField, "")))
            errors[CvvField] = "Saisissez les 3 chiffres du cryptogramme visuel.";
        return errors;
    }

    private static string Body(HttpContext http, IAntiforgery antiforgery, SandboxPayments payments, SandboxPayment payment,
        IReadOnlyDictionary<string, string> typed, IReadOnlyDictionary<string, string> errors)
    {
        var text = new StringBuilder();
        text.Append($"""
            <dl class="facts" id="sandbox-payment" data-id-op="{E(payment.IdOp)}" data-montant="{payment.Montant}">
              <dt>Montant</dt><dd class="amount">{E(FrenchFormat.Euros(payment.Montant))}</dd>
              <dt>Objet</dt><dd>{E(payment.Objet.Length > 0 ? payment.Objet : "—")}</dd>
              <dt>Référence</dt><dd>{E(payment.Refdet)}</dd>
              <dt>Régie</dt><dd>{E(payment.Numcli)} (exercice {E(payment.Exer)}, saisie {E(payment.Saisie)})</dd>
            </dl>
            """);
        if (payment.Resultrans is not null || payments.IsExpired(payment))
        {
            var said = payment.Resultrans switch
            {
                "P" => "Ce paiement a été effectué.",
                "R" => "Ce paiement a été refusé.",
                "A" => "Ce paiement a été abandonné.",
                _ => "Le délai de 15 minutes pour payer est dépassé.",
            };
            text.Append($"""<p class="notice">{E(said)}</p><p><a href="{E(ReturnAddress(payment))}">Retourner sur le site de la commune</a></p>""");
            return text.ToString();
        }

        if (errors.Count > 0)
        {
            text.Append("""<div class="error-summary" role="alert" aria-labelledby="erreurs-titre" tabindex="-1"><h2 id="erreurs-titre">Il y a un problème</h2><ul>""");
            foreach (var (field, message) in errors) text.Append($"""<li><a href="#{E(field)}">{E(message)}</a></li>""");
            text.Append("</ul></div>");
        }
        var tokens = antiforgery.GetAndStoreTokens(http);
        text.Append($"""
            <form method="post" action="{E(http.Request.Path)}" class="stacked" novalidate>
              <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken ?? "")}">
              <input type="hidden" name="idop" value="{E(payment.IdOp)}">
              <fieldset class="field">
                <legend>Carte de test</legend>
                <p class="hint">Bac à sable : aucune carte réelle n'est débitée. Toute carte de 16 chiffres est acceptée.</p>
                {Field(CardField, "Numéro de carte", typed.GetValueOrDefault(CardField, "4970 1000 0000 0003"), errors, "cc-number")}
                {Field(ExpiryField, "Date d'expiration (MM/AA)", typed.GetValueOrDefault(ExpiryField, "12/29"), errors, "cc-exp")}
                {Field(CvvField, "Cryptogramme visuel", typed.GetValueOrDefault(CvvField, "123"), errors, "cc-csc")}
              </fieldset>
              <details>
                <summary>Options de test</summary>
                {Field(AnnouncedField, "Montant annoncé au site dans le détail du paiement, en centimes (vide : le montant créé)", typed.GetValueOrDefault(AnnouncedField, ""), errors, "off")}
                <div class="checkbox">
                  <input type="checkbox" id="{SilentField}" name="{SilentField}" value="on">
                  <label for="{SilentField}">Ne pas notifier le site (notification perdue)</label>
                </div>
              </details>
              <p class="actions">
                <button type="submit" name="{ActionField}" value="payer">Payer par carte</button>
                <button type="submit" name="{ActionField}" value="refuser" class="secondary">Refuser</button>
                <button type="submit" name="{ActionField}" value="abandonner" class="secondary">Abandonner</button>
              </p>
            </form>
            """);
        return text.ToString();
    }

    private static string Field(string name, string label, string value, IReadOnlyDictionary<string, string> errors, string autocomplete)
    {
        var error = errors.GetValueOrDefault(name);
        return $"""
            <div class="field">
              <label for="{name}">{E(label)}</label>
              {(error is null ? "" : $"""<p class="field-error" id="{name}-erreur">{E(error)}</p>""")}
              <input type="text" id="{name}" name="{name}" value="{E(value)}" autocomplete="{autocomplete}" inputmode="numeric"
                     aria-invalid="{(error is null ? "false" : "true")}"{(error is null ? "" : $""" aria-describedby="{name}-erreur" """)}>
            </div>
            """;
    }

    private static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK)
    {
        var page = $"""
            <!DOCTYPE html>
            <html lang="fr">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{E(title)} — PayFiP (bac à sable)</title>
              <link rel="stylesheet" href="/site.css">
              <link rel="stylesheet" href="{SandboxRegistration.Root}/bac-a-sable.css">
            </head>
            <body class="payfip-sandbox">
              <header class="sandbox-header"><p><strong>PayFiP</strong> — paiement des services publics locaux · <span class="sandbox-tag">bac à sable</span></p></header>
              <main id="contenu" class="wrap">
                <h1>{E(title)}</h1>
                <p class="hint">Simulation locale du service de paiement en ligne de la DGFiP, pour la démonstration et les tests.</p>
                {body}
              </main>
            </body>
            </html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string E(string text) => Html.Encode(text);

    [GeneratedRegex(@"^\d{16}$")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"^(0[1-9]|1[0-2])/\d{2}$")]
    private static partial Regex Expiry();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex Cvv();
}
