using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.Domain.Canteen;

/// <summary>
/// An invoice number: «95127-2026-12-000123» — the commune's INSEE code (5 characters, 2A/2B for
/// Corsica), the billed month, and the commune's sequence number on at least six digits. The
/// sequence is one per commune, starts at 1 and never restarts (not each month, not each year),
/// so numbers run without gaps in the order invoices are issued, as French invoicing rules ask;
/// the grain that allocates it is the only writer. Past 999 999 it simply grows a digit.
/// </summary>
public readonly partial record struct InvoiceNumber
{
    public InvoiceNumber(string communeInseeCode, BillingMonth month, long sequence)
    {
        if (communeInseeCode is null || !InseeCode().IsMatch(communeInseeCode))
            throw new ArgumentException($"« {communeInseeCode} » n'est pas un code INSEE de commune (5 caractères, par exemple 95127).");
        if (sequence < 1) throw new ArgumentException($"Le numéro d'ordre d'une facture commence à 1 ({sequence} donné).");
        CommuneInseeCode = communeInseeCode;
        Month = month;
        Sequence = sequence;
    }

    public string CommuneInseeCode { get; }

    public BillingMonth Month { get; }

    public long Sequence { get; }

    public override string ToString() => $"{CommuneInseeCode}-{Month}-{Sequence.ToString("D6", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out InvoiceNumber number)
    {
        number = default;
        var match = Form().Match(text?.Trim().ToUpperInvariant() ?? "");
        if (!match.Success) return false;
        var digits = match.Groups["sequence"].Value;
        // Padding is to six digits only: «0001234» would not be written back the same way.
        if (digits.Length > 6 && digits[0] == '0') return false;
        if (!long.TryParse(digits, CultureInfo.InvariantCulture, out var sequence) || sequence < 1) return false;
        if (!BillingMonth.TryParse(match.Groups["month"].Value, out var month)) return false;
        number = new InvoiceNumber(match.Groups["insee"].Value, month, sequence);
        return true;
    }

    public static InvoiceNumber Parse(string? text) => TryParse(text, out var number)
        ? number
        : throw new FormatException($"« {text} » n'est pas un numéro de facture (attendu : code INSEE-année-mois-numéro, par exemple 95127-2026-12-000123).");

    [GeneratedRegex(@"^(\d{5}|2[AB]\d{3})$")]
    private static partial Regex InseeCode();

    [GeneratedRegex(@"^(?<insee>\d{5}|2[AB]\d{3})-(?<month>\d{4}-\d{2})-(?<sequence>\d{6,15})$")]
    private static partial Regex Form();
}
