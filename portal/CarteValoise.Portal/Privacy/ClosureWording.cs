using CarteValoise.Contracts.PersonalData;

namespace CarteValoise.Portal.Privacy;

/// <summary>What «Mes données» says after a closure form, once, at the top of its section.</summary>
public static class ClosureWording
{
    /// <summary>The query value the closure forms redirect with (?fait=…).</summary>
    public const string Requested = "demandee";
    public const string Cancelled = "annulee";

    public static string? Done(string? fait, AccountClosure closure) => (fait, closure.State) switch
    {
        (Requested, AccountClosureState.Pending) =>
            "Votre demande de clôture est enregistrée. Un courriel de confirmation vous a été envoyé.",
        (Cancelled, AccountClosureState.Cancelled) => "Votre demande de clôture est annulée : votre compte reste ouvert.",
        _ => null,
    };
}
