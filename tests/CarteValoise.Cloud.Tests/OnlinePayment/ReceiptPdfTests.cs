using CarteValoise.Cloud.OnlinePayment;
using CarteValoise.Cloud.Tests.Documents;
using CarteValoise.Domain.Payments;
using CarteValoise.Grains.Payments;
using Xunit;

namespace CarteValoise.Cloud.Tests.OnlinePayment;

public sealed class ReceiptPdfTests
{
    private static readonly OnlinePaymentRecord Paid = new(
        new OnlinePaymentRequest(RecordedEnvelopes.IdOp, "95018-F001", "Martin", "95018", "95018-2026-11-000001", 4_250, "95018202611000001", "2026", "012345",
            "Facture 95018 2026 11 000001", "parent.argenteuil@demo.cartevaloise.fr", "T", "parent.argenteuil@demo.cartevaloise.fr", "Famille Martin (Argenteuil)",
            new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero), "Facture 95018-2026-11-000001 (novembre 2026)"),
        OnlinePaymentState.Paid, "Paiement de 42,50 € accepté par carte bancaire sur PayFiP.", new DateTimeOffset(2026, 12, 4, 20, 6, 0, TimeSpan.Zero),
        PaidAt: new DateTimeOffset(2026, 12, 4, 20, 5, 0, TimeSpan.Zero), AuthorisationNumber: "412867",
        CreditedAs: "Paiement de la facture 95018-2026-11-000001 (en ligne, carte bancaire)", Means: "carte bancaire");

    [Fact]
    public void The_receipt_says_who_paid_what_when_and_how_with_PayFiPs_references()
    {
        var lines = PdfText.Lines(Assert.Single(PdfText.Pages(ReceiptPdf.Render(Paid, "Argenteuil"))));

        // What a reader reads, in order (a long value wraps onto the next line).
        string[] expected =
        [
            "Argenteuil",
            "Mairie d'Argenteuil · service scolaire",
            "Reçu de paiement en ligne",
            "Payé le vendredi 4 décembre 2026 à 21:05",
            "Montant reçu 42,50 €",
            "Objet Facture 95018-2026-11-000001 (novembre 2026)",
            "Famille Martin (95018-F001)",
            "Payé par Famille Martin (Argenteuil)",
            "Reçu envoyé à parent.argenteuil@demo.cartevaloise.fr",
            "Moyen de paiement carte bancaire, en ligne sur PayFiP",
            "Porté au compte de la famille Paiement de la facture 95018-2026-11-000001 (en ligne, carte bancaire)",
            "Référence du paiement 95018202611000001",
            $"Identifiant de l'opération PayFiP {RecordedEnvelopes.IdOp}",
            "Numéro d'autorisation 412867",
            "Régie (numéro client PayFiP) 012345, exercice 2026",
            "Ce reçu atteste que la régie de la commune d'Argenteuil a reçu ce paiement par PayFiP",
            "il vaut justificatif de paiement.",
        ];
        var text = string.Join(" ", lines);
        var at = 0;
        foreach (var part in expected)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"The receipt does not read «{part}» after «{text[..at]}»:\n{string.Join("\n", lines)}");
            at = found + part.Length;
        }
    }

    [Fact]
    public void Rendering_twice_gives_the_same_text_and_a_payment_not_paid_has_no_receipt()
    {
        Assert.Equal(PdfText.Pages(ReceiptPdf.Render(Paid, "Argenteuil")), PdfText.Pages(ReceiptPdf.Render(Paid, "Argenteuil")));
        Assert.Equal($"recu-paiement-95018202611000001-{RecordedEnvelopes.IdOp[..8]}.pdf", ReceiptPdf.FileName(Paid));

        var refused = Assert.Throws<ArgumentException>(() => ReceiptPdf.Render(Paid with { State = OnlinePaymentState.Refused }, "Argenteuil"));
        Assert.Equal($"Le paiement {RecordedEnvelopes.IdOp} n'a pas abouti : il n'a pas de reçu.", refused.Message);
    }
}
