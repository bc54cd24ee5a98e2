namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>Something went wrong calling PayFiP.</summary>
public abstract class PayFiPException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A functional fault of PayFiP (<c>FonctionnelleErreur</c>): the request was understood and refused,
/// e.g. R3 (bad refdet), A2 (bad email); P1 and P5 are answers, not errors, for the payment detail.
/// </summary>
public sealed class PayFiPRefusedException(string code, string libelle, string descriptif, string severite)
    : PayFiPException($"PayFiP a refusé la demande ({code}) : {(descriptif.Length > 0 ? descriptif : libelle)}")
{
    public string Code { get; } = code;
    public string Libelle { get; } = libelle;
    public string Descriptif { get; } = descriptif;
    public string Severite { get; } = severite;
}

/// <summary>
/// PayFiP could not be asked: a technical fault (<c>TechDysfonctionnementErreur</c>,
/// <c>TechIndisponibiliteErreur</c>, <c>TechProtocolaireErreur</c>), no answer within the timeout,
/// the network, or an answer that is not PayFiP's. Nothing is decided on it: asked again later.
/// </summary>
public sealed class PayFiPUnavailableException(string message, Exception? inner = null) : PayFiPException(message, inner);
