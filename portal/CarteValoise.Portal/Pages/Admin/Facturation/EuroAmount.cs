using CarteValoise.Web.Formatting;

namespace CarteValoise.Portal.Pages.Admin.Facturation;

/// <summary>An amount received at the counter: typed as people write euros (see <see cref="TypedNumbers"/>), and above zero.</summary>
public static class EuroAmount
{
    public const string Invalid = "Saisissez le montant reçu en euros, supérieur à zéro, avec au plus deux décimales : par exemple 12,50.";

    public static bool TryParseCents(string? text, out long cents) => TypedNumbers.TryParseCents(text, out cents) && cents > 0;
}
