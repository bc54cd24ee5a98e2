using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Payments;

/// <summary>
/// What PayFiP accepts in <c>creerPaiementSecurise</c>, checked before the call so that a refusal
/// is ours, in French, rather than a fault of the gateway: <c>numcli</c> 6 digits (the régie's
/// number from the DGFiP), <c>exer</c> a year, <c>refdet</c> 6 to 30 letters and digits (shorter ones
/// were refused with R3), <c>objet</c> letters, digits and spaces up to 100, <c>montant</c> in whole
/// cents from 1,00 € to 100 000,00 €, <c>mel</c> 6 to 80 characters with an @ (A2 otherwise).
/// </summary>
public static partial class PayFiPFields
{
    public const long MinimumCents = 100;
    public const long MaximumCents = 10_000_000;
    public const int ObjetMaxLength = 100;

    public static string? NumcliProblem(string? numcli) => numcli is not null && Numcli().IsMatch(numcli)
        ? null
        : $"Le numéro de régie PayFiP (numcli) « {numcli} » doit compter 6 chiffres : le paiement en ligne de la commune n'est pas configuré.";

    public static string? ExerProblem(string? exer) => exer is not null && Exer().IsMatch(exer)
        ? null
        : $"L'exercice « {exer} » doit être une année sur 4 chiffres.";

    public static string? RefdetProblem(string? refdet) => refdet is not null && Refdet().IsMatch(refdet)
        ? null
        : $"La référence de paiement « {refdet} » doit compter de 6 à 30 lettres ou chiffres, sans espace ni tiret.";

    public static string? MontantProblem(long cents) => cents is >= MinimumCents and <= MaximumCents
        ? null
        : $"Le montant d'un paiement en ligne doit être compris entre {FrenchText.Euros(MinimumCents)} et {FrenchText.Euros(MaximumCents)} ({FrenchText.Euros(cents)} demandé).";

    public static string? MelProblem(string? mel) => mel is { Length: >= 6 and <= 80 } && mel.Contains('@') && !mel.Any(char.IsWhiteSpace)
        ? null
        : $"L'adresse électronique « {mel} » ne convient pas au paiement en ligne : PayFiP demande une adresse de 6 à 80 caractères avec un @.";

    /// <summary>
    /// A text made fit for <c>objet</c>: accents dropped, apostrophes and dashes as spaces, anything
    /// else than letters, digits and spaces removed, blanks collapsed, cut at 100 characters.
    /// </summary>
    public static string Objet(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormKD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            ascii.Append(c is '\'' or '’' or '-' or '–' ? ' ' : c);
        }
        var kept = NotObjet().Replace(ascii.ToString(), "");
        var collapsed = Blanks().Replace(kept, " ").Trim();
        return collapsed.Length <= ObjetMaxLength ? collapsed : collapsed[..ObjetMaxLength].TrimEnd();
    }

    /// <summary>A payment's fields as PayFiP will check them: every problem, in French; empty when it can be created.</summary>
    public static IReadOnlyList<string> Problems(PayFiPPaymentFields fields) =>
    [
        .. new[]
        {
            NumcliProblem(fields.Numcli),
            ExerProblem(fields.Exer),
            RefdetProblem(fields.Refdet),
            MontantProblem(fields.MontantCents),
            MelProblem(fields.Mel),
            fields.Objet.Length <= ObjetMaxLength && fields.Objet == Objet(fields.Objet) ? null : $"L'objet « {fields.Objet} » ne convient pas à PayFiP.",
        }.OfType<string>(),
    ];

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex Numcli();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Exer();

    [GeneratedRegex(@"^[A-Za-z0-9]{6,30}$")]
    private static partial Regex Refdet();

    [GeneratedRegex(@"[^A-Za-z0-9 ]")]
    private static partial Regex NotObjet();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}

/// <summary>How the gateway treats the payment: <c>T</c> test, <c>X</c> activation, <c>W</c> production (<c>saisie</c>).</summary>
public enum PayFiPMode
{
    Test = 'T',
    Activation = 'X',
    Production = 'W',
}

public static class PayFiPModes
{
    public static string Code(this PayFiPMode mode) => ((char)mode).ToString();

    public static bool TryParse(string? code, out PayFiPMode mode)
    {
        mode = code?.Trim().ToUpperInvariant() switch
        {
            "T" => PayFiPMode.Test,
            "X" => PayFiPMode.Activation,
            "W" => PayFiPMode.Production,
            _ => 0,
        };
        return mode != 0;
    }
}

/// <summary>The fields of <c>creerPaiementSecurise</c> that describe the payment (the URLs are the caller's).</summary>
public sealed record PayFiPPaymentFields(string Numcli, string Exer, string Refdet, string Objet, long MontantCents, string Mel, PayFiPMode Saisie);
