using System.Globalization;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Payments;

/// <summary>
/// The <c>refdet</c> of a payment: what the régie sees in PayFiP's reports to match a payment with
/// what it was for. An invoice keeps one reference, its number without the dashes
/// («95018202611000001»), whatever the attempts; a top-up is «RECH», the family without its dash and
/// the Paris time it was asked, to the second («RECH95127F00120261204143005»).
/// </summary>
public static class PayFiPReference
{
    private const int Longest = 30;

    public static string ForInvoice(string invoiceNumber) => Checked(AlphanumericOnly(invoiceNumber));

    public static string ForTopUp(string familyId, DateTimeOffset askedAt)
    {
        var at = ServiceDay.ToParisTime(askedAt).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var family = AlphanumericOnly(familyId);
        // A long family identifier gives way to the time, which is what makes the reference unique.
        var room = Longest - "RECH".Length - at.Length;
        if (family.Length > room) family = family[^room..];
        return Checked($"RECH{family}{at}");
    }

    private static string AlphanumericOnly(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit)]);

    private static string Checked(string refdet) =>
        PayFiPFields.RefdetProblem(refdet) is { } problem ? throw new ArgumentException(problem) : refdet.ToUpperInvariant();
}
