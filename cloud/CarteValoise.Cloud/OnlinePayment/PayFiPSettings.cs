using System.Globalization;
using CarteValoise.Domain.Payments;

namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>
/// Where and how PayFiP is called, from configuration: <c>PayFiP:SoapUrl</c> (the web service),
/// <c>PayFiP:PaymentPageUrl</c> (where the browser pays), <c>PayFiP:Saisie</c> (T test, X activation,
/// W production; T by default), each commune's régie number <c>PayFiP:Communes:&lt;insee&gt;:Numcli</c>
/// with <c>PayFiP:Numcli</c> for the communes without one (a demo number by default),
/// <c>PayFiP:TimeoutSeconds</c> (15) and <c>PayFiP:ReconcileEverySeconds</c> (60), how often pending
/// payments are asked about.
/// </summary>
public sealed class PayFiPSettings
{
    public const string DefaultSoapUrl = "https://www.payfip.gouv.fr/tpa/services/securite";
    public const string DefaultPaymentPageUrl = "https://www.payfip.gouv.fr/tpa/paiementws.web";
    /// <summary>A régie number for the demo and the sandbox only: a real commune has its own from the DGFiP.</summary>
    public const string DemoNumcli = "012345";

    public required Uri SoapUrl { get; init; }

    public required Uri PaymentPageUrl { get; init; }

    public PayFiPMode Saisie { get; init; } = PayFiPMode.Test;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ReconcileEvery { get; init; } = TimeSpan.FromSeconds(60);

    public string DefaultNumcli { get; init; } = DemoNumcli;

    public IReadOnlyDictionary<string, string> CommuneNumcli { get; init; } = new Dictionary<string, string>();

    public string NumcliFor(string communeCode) => CommuneNumcli.TryGetValue(communeCode, out var numcli) ? numcli : DefaultNumcli;

    /// <summary>The gateway's payment page for an idOp: <c>…/paiementws.web?idop=…</c>.</summary>
    public Uri PaymentPage(string idOp)
    {
        var builder = new UriBuilder(PaymentPageUrl);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "idop=" + Uri.EscapeDataString(idOp);
        return builder.Uri;
    }

    /// <exception cref="InvalidOperationException">A setting that is not usable, said in French and English for whoever deploys.</exception>
    public static PayFiPSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("PayFiP");
        var saisie = section["Saisie"];
        PayFiPMode mode = PayFiPMode.Test;
        if (!string.IsNullOrWhiteSpace(saisie) && !PayFiPModes.TryParse(saisie, out mode))
            throw new InvalidOperationException($"PayFiP:Saisie doit valoir T (test), X (activation) ou W (production), pas « {saisie} ». PayFiP:Saisie must be T, X or W.");
        var communes = section.GetSection("Communes").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["Numcli"]))
            .ToDictionary(c => c.Key, c => c["Numcli"]!.Trim());
        var fallback = section["Numcli"]?.Trim() is { Length: > 0 } configured ? configured : DemoNumcli;
        foreach (var (commune, numcli) in communes.Append(new("PayFiP:Numcli", fallback)))
            if (PayFiPFields.NumcliProblem(numcli) is not null)
                throw new InvalidOperationException($"Le numéro de régie PayFiP de {commune} doit compter 6 chiffres (« {numcli} »). The PayFiP numcli of {commune} must be 6 digits.");
        return new PayFiPSettings
        {
            SoapUrl = Absolute(section, "SoapUrl", DefaultSoapUrl),
            PaymentPageUrl = Absolute(section, "PaymentPageUrl", DefaultPaymentPageUrl),
            Saisie = mode,
            Timeout = TimeSpan.FromSeconds(Seconds(section, "TimeoutSeconds", 15)),
            ReconcileEvery = TimeSpan.FromSeconds(Seconds(section, "ReconcileEverySeconds", 60)),
            DefaultNumcli = fallback,
            CommuneNumcli = communes,
        };
    }

    private static Uri Absolute(IConfigurationSection section, string key, string fallback)
    {
        var text = section[key] is { Length: > 0 } configured ? configured : fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"PayFiP:{key} doit être une adresse http(s) absolue (« {text} »). PayFiP:{key} must be an absolute http(s) address.");
    }

    private static double Seconds(IConfigurationSection section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new InvalidOperationException($"PayFiP:{key} doit être un nombre de secondes positif (« {text} »). PayFiP:{key} must be a positive number of seconds.");
    }
}
