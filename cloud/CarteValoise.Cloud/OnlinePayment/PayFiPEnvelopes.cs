using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CarteValoise.Domain.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// The SOAP 1.1 envelopes of PayFiP's <c>PaiementSecuriseService</c>: requests with their parameters
/// in an unqualified <c>arg0</c>, answers in <c>return</c>. Answers are read by local names only,
/// wherever they sit and whatever their prefixes: the clients in the field disagree on namespaces
/// and on the case of <c>idOp</c>, so the reading is liberal.
/// </summary>
public static class PayFiPEnvelopes
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Service = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

    public static string CreatePayment(PayFiPPaymentFields fields, Uri urlNotif, Uri urlRedirect)
    {
        List<XElement> parameters =
        [
            new("exer", fields.Exer),
            new("mel", fields.Mel),
            new("montant", fields.MontantCents.ToString(CultureInfo.InvariantCulture)),
            new("numcli", fields.Numcli),
        ];
        if (fields.Objet.Length > 0) parameters.Add(new XElement("objet", fields.Objet));
        parameters.AddRange(
        [
            new XElement("refdet", fields.Refdet),
            new XElement("saisie", fields.Saisie.Code()),
            new XElement("urlnotif", urlNotif.AbsoluteUri),
            new XElement("urlredirect", urlRedirect.AbsoluteUri),
        ]);
        return Envelope("creerPaiementSecurise", parameters);
    }

    public static string GetPaymentDetail(string idOp) => Envelope("recupererDetailPaiementSecurise", [new XElement("idOp", idOp)]);

    private static string Envelope(string operation, IEnumerable<XElement> parameters)
    {
        var envelope = new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Soap),
            new XAttribute(XNamespace.Xmlns + "pai", Service),
            new XElement(Soap + "Header"),
            new XElement(Soap + "Body",
                new XElement(Service + operation,
                    new XElement("arg0", parameters))));
        return """<?xml version="1.0" encoding="utf-8"?>""" + envelope.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The idOp of an answer to <c>creerPaiementSecurise</c>; a fault as a <see cref="PayFiPException"/>.</summary>
    public static string ReadCreated(string body)
    {
        var document = Parse(body);
        ThrowIfFault(document);
        var idOp = Text(document, "idOp");
        return string.IsNullOrWhiteSpace(idOp)
            ? throw new PayFiPUnavailableException("PayFiP a répondu sans identifiant d'opération (idOp).")
            : idOp.Trim();
    }

    /// <summary>The answer to <c>recupererDetailPaiementSecurise</c>: the detail, or P5 and P1 as what they mean; any other fault thrown.</summary>
    public static GatewayReport ReadDetail(string body)
    {
        var document = Parse(body);
        try
        {
            ThrowIfFault(document);
        }
        catch (PayFiPRefusedException refused) when (refused.Code == "P5")
        {
            return new GatewayReport.NotYetKnown();
        }
        catch (PayFiPRefusedException refused) when (refused.Code == "P1")
        {
            return new GatewayReport.UnknownIdOp();
        }
        var answer = Descendant(document, "return", exact: true) ?? Descendant(document, "Body", exact: true)
            ?? throw new PayFiPUnavailableException("La réponse de PayFiP n'a pas de corps SOAP.");
        if (Text(answer, "resultrans") is null)
            throw new PayFiPUnavailableException("La réponse de PayFiP ne donne pas le résultat du paiement (resultrans).");
        string Field(string name) => Text(answer, name)?.Trim() ?? "";
        return new GatewayReport.Detail(new GatewayDetail(
            Field("idOp"), Field("refdet"), Field("montant"), Field("numcli"), Field("exer"), Field("resultrans"),
            Field("dattrans"), Field("heurtrans"), Field("numauto"), Field("mel"), Field("objet"), Field("saisie")));
    }

    private static XDocument Parse(string body)
    {
        try
        {
            return XDocument.Parse(body);
        }
        catch (XmlException malformed)
        {
            throw new PayFiPUnavailableException("La réponse de PayFiP n'est pas du XML lisible.", malformed);
        }
    }

    private static void ThrowIfFault(XDocument document)
    {
        var fault = Descendant(document, "Fault", exact: true);
        if (fault is null) return;
        var functional = Descendant(fault, "FonctionnelleErreur");
        if (functional is not null)
            throw new PayFiPRefusedException(Text(functional, "code")?.Trim() ?? "", Text(functional, "libelle")?.Trim() ?? "",
                Text(functional, "descriptif")?.Trim() ?? "", Text(functional, "severite")?.Trim() ?? "");
        var technical = fault.Descendants().FirstOrDefault(e => e.Name.LocalName.StartsWith("Tech", StringComparison.Ordinal));
        var said = technical is not null
            ? $"{technical.Name.LocalName} {Text(technical, "code")?.Trim()} : {Text(technical, "libelle")?.Trim() ?? Text(technical, "descriptif")?.Trim()}"
            : Text(fault, "faultstring")?.Trim();
        throw new PayFiPUnavailableException($"PayFiP est en erreur technique ({said}).");
    }

    /// <summary>The first element of that local name, whatever its namespace; its case too, unless <paramref name="exact"/> (SOAP's own elements).</summary>
    private static XElement? Descendant(XContainer container, string localName, bool exact = false) =>
        container.Descendants().FirstOrDefault(e => string.Equals(e.Name.LocalName, localName, exact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase));

    private static string? Text(XContainer container, string localName) => Descendant(container, localName)?.Value;
}
