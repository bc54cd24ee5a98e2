using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CarteValoise.Portal.OnlinePayment.Sandbox;

/// <summary>
/// The sandbox's web service, POST /bac-a-sable/payfip/tpa/services/securite: PayFiP's SOAP 1.1
/// operations <c>creerPaiementSecurise</c> and <c>recupererDetailPaiementSecurise</c>, with PayFiP's
/// envelopes (parameters in <c>arg0</c>, answer in <c>return</c>) and faults (HTTP 500 with a
/// <c>FonctionnelleErreur</c>: R3 bad refdet, A2 bad mel, P1 unknown idOp, P5 result not known yet;
/// a <c>TechProtocolaireErreur</c> for a request it cannot take). Its own checks, not the platform's:
/// it stands for the other side.
/// </summary>
public static partial class SandboxSoap
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Service = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
    private static readonly XNamespace Reponse = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";

    public static async Task<IResult> HandleAsync(HttpRequest request, SandboxPayments payments, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SandboxSoap));
        XElement operation;
        try
        {
            var document = await XDocument.LoadAsync(request.Body, LoadOptions.None, request.HttpContext.RequestAborted);
            operation = document.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault()
                ?? throw new XmlException("Pas de corps SOAP.");
        }
        catch (XmlException malformed)
        {
            return Technical("TechProtocolaireErreur", $"Requête SOAP illisible : {malformed.Message}");
        }
        var arguments = operation.Elements().FirstOrDefault(e => e.Name.LocalName == "arg0");
        string Argument(string name) => arguments?.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, name, StringComparison.OrdinalIgnoreCase))?.Value.Trim() ?? "";

        switch (operation.Name.LocalName)
        {
            case "creerPaiementSecurise":
                return Create(request, payments, Argument, logger);
            case "recupererDetailPaiementSecurise":
                var payment = payments.Find(Argument("idOp"));
                if (payment is null) return Functional("P1", "IdOp incorrect", "L'identifiant d'opération est inconnu ou a été purgé.");
                if (payment.Resultrans is null) return Functional("P5", "Résultat de la transaction non connu", "Le paiement n'est pas terminé : réessayez plus tard.");
                return Detail(payment);
            default:
                return Technical("TechProtocolaireErreur", $"Opération inconnue : {operation.Name.LocalName}.");
        }
    }

    private static IResult Create(HttpRequest request, SandboxPayments payments, Func<string, string> argument, ILogger logger)
    {
        var refdet = argument("refdet");
        if (!Refdet().IsMatch(refdet)) return Functional("R3", "Référence de la dette incorrecte", "La référence doit compter de 6 à 30 caractères alphanumériques.");
        var mel = argument("mel");
        if (mel.Length is < 6 or > 80 || !MailAddress.TryCreate(mel, out _)) return Functional("A2", "Adresse mél incorrecte", "L'adresse mél du payeur est incorrecte.");
        if (!Numcli().IsMatch(argument("numcli"))) return Technical("TechProtocolaireErreur", "numcli incorrect : 6 chiffres attendus.");
        if (!Exer().IsMatch(argument("exer"))) return Technical("TechProtocolaireErreur", "exer incorrect : une année attendue.");
        if (!long.TryParse(argument("montant"), NumberStyles.None, CultureInfo.InvariantCulture, out var montant) || montant < 1)
            return Technical("TechProtocolaireErreur", "montant incorrect : un nombre entier de centimes attendu.");
        if (argument("saisie") is not ("T" or "X" or "W")) return Technical("TechProtocolaireErreur", "saisie incorrecte : T, X ou W attendu.");
        if (!Uri.TryCreate(argument("urlnotif"), UriKind.Absolute, out var urlNotif) || !Uri.TryCreate(argument("urlredirect"), UriKind.Absolute, out var urlRedirect))
            return Technical("TechProtocolaireErreur", "urlnotif et urlredirect doivent être des adresses absolues.");
        // Open to anyone, the sandbox must not call or send browsers to other sites: only to the portal it runs in.
        if (!OnThisSite(urlNotif, request) || !OnThisSite(urlRedirect, request))
            return Technical("TechProtocolaireErreur", "Le bac à sable ne notifie et ne renvoie que vers le portail qui l'héberge.");

        var payment = payments.Create((idOp, now) => new SandboxPayment
        {
            IdOp = idOp,
            Numcli = argument("numcli"),
            Exer = argument("exer"),
            Refdet = refdet,
            Objet = argument("objet"),
            Montant = montant,
            Mel = mel,
            Saisie = argument("saisie"),
            UrlNotif = urlNotif,
            UrlRedirect = urlRedirect,
            CreatedAt = now,
        });
        logger.LogInformation("Bac à sable PayFiP : paiement {IdOp} créé, {Montant} centimes, référence {Refdet}", payment.IdOp, montant, refdet);
        return Answer(new XElement(Service + "creerPaiementSecuriseResponse",
            new XAttribute(XNamespace.Xmlns + "ns2", Service),
            new XElement("return", new XElement("idOp", payment.IdOp))));
    }

    private static IResult Detail(SandboxPayment payment)
    {
        var at = TimeZoneInfo.ConvertTime(payment.DecidedAt ?? payment.CreatedAt, Web.Formatting.FrenchFormat.Paris);
        return Answer(new XElement(Service + "recupererDetailPaiementSecuriseResponse",
            new XAttribute(XNamespace.Xmlns + "ns2", Service),
            new XElement("return",
                new XElement("dattrans", at.ToString("ddMMyyyy", CultureInfo.InvariantCulture)),
                new XElement("exer", payment.Exer),
                new XElement("heurtrans", at.ToString("HHmm", CultureInfo.InvariantCulture)),
                new XElement("idOp", payment.IdOp),
                new XElement("mel", payment.Mel),
                new XElement("montant", (payment.AnnouncedMontant ?? payment.Montant).ToString(CultureInfo.InvariantCulture)),
                new XElement("numauto", payment.Numauto),
                new XElement("numcli", payment.Numcli),
                new XElement("objet", payment.Objet),
                new XElement("refdet", payment.Refdet),
                new XElement("resultrans", payment.Resultrans),
                new XElement("saisie", payment.Saisie))));
    }

    /// <summary>The portal's own address, as the cloud reached it; loopback names are one machine.</summary>
    private static bool OnThisSite(Uri target, HttpRequest request)
    {
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps) return false;
        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        if (target.Port != port) return false;
        return string.Equals(target.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase) || (IsLoopback(target.Host) && IsLoopback(request.Host.Host));
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    private static IResult Answer(XElement body) => Envelope(body, StatusCodes.Status200OK);

    private static IResult Functional(string code, string libelle, string descriptif) => Envelope(new XElement(Soap + "Fault",
        new XElement("faultcode", "soap:Server"),
        new XElement("faultstring", "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur"),
        new XElement("detail",
            new XElement(Reponse + "FonctionnelleErreur",
                new XAttribute(XNamespace.Xmlns + "ns2", Reponse),
                new XElement("code", code),
                new XElement("descriptif", descriptif),
                new XElement("libelle", libelle),
                new XElement("message", ""),
                new XElement("severite", "2")))), StatusCodes.Status500InternalServerError);

    private static IResult Technical(string kind, string libelle) => Envelope(new XElement(Soap + "Fault",
        new XElement("faultcode", "soap:Server"),
        new XElement("faultstring", $"fr.gouv.finances.cp.tpa.webservice.exceptions.{kind}"),
        new XElement("detail",
            new XElement(Reponse + kind,
                new XAttribute(XNamespace.Xmlns + "ns2", Reponse),
                new XElement("code", "T1"),
                new XElement("libelle", libelle),
                new XElement("severite", "3")))), StatusCodes.Status500InternalServerError);

    private static IResult Envelope(XElement body, int status)
    {
        var envelope = new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soap", Soap), new XElement(Soap + "Body", body));
        return Results.Text("""<?xml version="1.0" encoding="UTF-8"?>""" + envelope.ToString(SaveOptions.DisableFormatting), "text/xml; charset=utf-8", statusCode: status);
    }

    [GeneratedRegex("^[A-Za-z0-9]{6,30}$")]
    private static partial Regex Refdet();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex Numcli();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Exer();
}
