using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Families;
using Xunit;

namespace CarteValoise.Cloud.Tests.Documents;

/// <summary>The PDF of an invoice as the month close issued it, as the billing service renders it.</summary>
public sealed class IssuedInvoicePdfTests
{
    private static readonly IssuedInvoice Hugo = new(
        "95127-2026-11-000002", "95127-F002", "Famille Bernard", new DateOnly(2026, 11, 1),
        new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        [
            new InvoiceLineRecord(new DateOnly(2026, 11, 2), "c1", "Hugo", SchoolService.Canteen, "QF de 500 à 999", 250, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 2), "c1", "Hugo", SchoolService.Canteen, "majoration sans réservation", 100, 1),
            new InvoiceLineRecord(new DateOnly(2026, 11, 5), "c1", "Hugo", SchoolService.EveningCare, "tarif unique", 220, 1),
        ],
        [],
        RulesVersion: 2);

    private static readonly FamilyProfile Bernard = new("95127-F002", "Famille Bernard", "95127", 700, "unused",
        Address: "12 allée des Bouleaux", PostalCode: "95000", City: "Cergy");

    private static InvoicePaymentRecord Paid(int day, long cents, string means) =>
        new($"op-{day}", new DateTimeOffset(2026, 12, day, 10, 0, 0, TimeSpan.Zero), cents, means);

    [Fact]
    public void The_family_reads_its_issued_invoice_with_the_communes_name_and_its_address()
    {
        var pdf = InvoicePdf.Render(Hugo, InvoiceHeader.For(Hugo, "Cergy", Bernard));
        Samples.Keep("facture-95127-2026-11-000002.pdf", pdf);

        Assert.Equal(
        [
            "Cergy",
            "Mairie de Cergy · service scolaire",
            "Facture n° 95127-2026-11-000002",
            "Restauration scolaire et accueils périscolaires",
            "Période : novembre 2026",
            "Émise le 1er décembre 2026",
            "Montant à payer : 5,70 €",
            "avant le 31 décembre 2026",
            "Référence de paiement PayFiP :",
            "95127-2026-11-000002",
            "Comment payer",
            "• En ligne sur www.payfip.gouv.fr, par carte bancaire ou",
            "prélèvement unique, avec la référence",
            "95127-2026-11-000002.",
            "• À la mairie, par chèque à l'ordre du Trésor public ou en",
            "espèces, en présentant cette facture.",
            "Famille Bernard",
            "12 allée des Bouleaux",
            "95000 Cergy",
            "Détail des repas et accueils de novembre 2026",
            "Date Enfant Prestation Prix unitaire Qté Montant",
            "lun. 02/11 Hugo Cantine · QF de 500 à 999 2,50 € 1 2,50 €",
            "lun. 02/11 Hugo Cantine · majoration sans réservation 1,00 € 1 1,00 €",
            "jeu. 05/11 Hugo Accueil du soir · tarif unique 2,20 € 1 2,20 €",
            "Total à payer 5,70 €",
            "Facture n° 95127-2026-11-000002 · page 1 sur 1",
        ], PdfText.Lines(Assert.Single(PdfText.Pages(pdf))));
    }

    [Fact]
    public void A_partly_paid_invoice_lists_the_payments_and_asks_for_what_remains()
    {
        var invoice = Hugo with { Payments = [Paid(10, 300, "espèces")] };

        var pdf = InvoicePdf.Render(invoice, InvoiceHeader.For(invoice, "Cergy", Bernard));
        Samples.Keep("facture-95127-2026-11-000002-acompte.pdf", pdf);
        var lines = PdfText.Lines(Assert.Single(PdfText.Pages(pdf)));

        Assert.Contains("Montant à payer : 2,70 €", lines);
        Assert.Equal(
        [
            "Total à payer 5,70 €",
            "Paiement reçu le 10 décembre 2026 (espèces) -3,00 €",
            "Reste à payer 2,70 €",
            "Facture n° 95127-2026-11-000002 · page 1 sur 1",
        ], lines[^4..]);
    }

    [Fact]
    public void A_paid_invoice_reads_as_settled_instead_of_asking_for_money()
    {
        var invoice = Hugo with { Payments = [Paid(10, 300, "espèces"), Paid(14, 270, "chèque")] };

        var lines = PdfText.Lines(Assert.Single(PdfText.Pages(InvoicePdf.Render(invoice, InvoiceHeader.For(invoice, "Cergy", Bernard)))));

        Assert.Equal(["Émise le 1er décembre 2026", "Facture acquittée le 14 décembre 2026", "Référence de paiement PayFiP :"], lines[5..8]);
        Assert.DoesNotContain(lines, l => l.StartsWith("Montant à payer", StringComparison.Ordinal) || l.StartsWith("avant le", StringComparison.Ordinal));
        Assert.Equal("Reste à payer 0,00 €", lines[^2]);
    }

    [Fact]
    public void A_family_without_a_known_address_gets_its_name_alone_in_the_window()
    {
        var header = InvoiceHeader.For(Hugo, "Cergy", Bernard with { Address = "", PostalCode = "", City = "" });

        Assert.Equal(("Famille Bernard", 0), (header.FamilyName, header.FamilyAddress.Count));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (header.IssuedOn, header.DueOn));
    }
}
