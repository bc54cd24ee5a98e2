using System.Text;
using System.Text.RegularExpressions;
using CarteValoise.Cloud.Documents;
using CarteValoise.Domain.Canteen;
using PdfSharp.Pdf.IO;
using Xunit;
using static CarteValoise.Cloud.Tests.Documents.InvoiceExamples;

namespace CarteValoise.Cloud.Tests.Documents;

public sealed class InvoicePdfTests
{
    [Fact]
    public void A_family_reads_its_December_invoice_on_one_page()
    {
        var pdf = InvoicePdf.Render(December(), Number, Header);
        Samples.Keep("facture-95127-2026-12-000123.pdf", pdf);

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var page = Assert.Single(PdfText.Pages(pdf));
        Assert.Equal(
        [
            "Ville d'Ermont",
            "Hôtel de ville",
            "100 rue Louis Savoie",
            "95120 Ermont",
            "Service scolaire · 01 34 44 10 30 · scolaire@ville-ermont.fr",
            "Facture n° 95127-2026-12-000123",
            "Restauration scolaire et accueils périscolaires",
            "Période : décembre 2026",
            "Émise le 5 janvier 2027",
            "Montant à payer : 45,10 €",
            "avant le 31 janvier 2027",
            "Référence de paiement PayFiP : 000123-1042",
            "Comment payer",
            "• En ligne sur www.payfip.gouv.fr, par carte bancaire ou",
            "prélèvement unique, avec la référence 000123-1042.",
            "• À la mairie, par chèque à l'ordre du Trésor public ou en",
            "espèces, en présentant cette facture.",
            "Famille MARTIN",
            "Résidence « Les Tilleuls », bât. B",
            "3 rue des Lilas",
            "95120 Ermont",
            "Détail des repas et accueils de décembre 2026",
            "Date Enfant Prestation Prix unitaire Qté Montant",
            "mar. 01/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "mar. 01/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "mar. 01/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "jeu. 03/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "jeu. 03/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "jeu. 03/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "ven. 04/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "ven. 04/12 Léa Cantine · majoration sans réservation 1,00 € 1 1,00 €",
            "ven. 04/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "lun. 07/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "lun. 07/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "mar. 08/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "mar. 08/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "mar. 08/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "jeu. 10/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "jeu. 10/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "jeu. 10/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "ven. 11/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "ven. 11/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "lun. 14/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "lun. 14/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "mar. 15/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "mar. 15/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "mar. 15/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "jeu. 17/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "jeu. 17/12 Léa Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €",
            "jeu. 17/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "ven. 18/12 Léa Cantine · QF de 450 à 699 1,80 € 1 1,80 €",
            "ven. 18/12 Noël Cantine · panier repas (PAI) 1,50 € 1 1,50 €",
            "Total à payer 45,10 €",
            "Facture n° 95127-2026-12-000123 · page 1 sur 1",
        ], PdfText.Lines(page));
    }

    [Fact]
    public void A_long_invoice_runs_over_numbered_pages_with_its_table_heading_repeated()
    {
        var invoice = December(children: 5);
        var pdf = InvoicePdf.Render(invoice, Number, Header);
        Samples.Keep("facture-95127-2026-12-000123-cinq-enfants.pdf", pdf);

        var pages = PdfText.Pages(pdf).Select(PdfText.Lines).ToList();

        Assert.Equal(3, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal($"Facture n° 95127-2026-12-000123 · page {i + 1} sur 3", pages[i][^1]);
            if (i > 0) Assert.Equal(["Facture n° 95127-2026-12-000123 (suite)", "Date Enfant Prestation Prix unitaire Qté Montant"], pages[i][..2]);
        }
        var rows = pages.SelectMany(p => p).Where(l => Regex.IsMatch(l, @"^(lun|mar|mer|jeu|ven)\. \d\d/12 ")).ToList();
        Assert.Equal(invoice.Lines.Count, rows.Count);
        Assert.Equal(12_790, invoice.TotalCents);
        Assert.Equal("Total à payer 127,90 €", pages[^1][^2]);
        // A first name too long for its column goes on to a second line of its row.
        var at = Array.IndexOf(pages[0], "Accueil du soir · 0,2 % du QF 650 1,30 € 1 1,30 €");
        Assert.Equal(["mar. 01/12 Anne-Sophie-", "Marguerite"], pages[0][(at - 2)..at]);
    }

    [Fact]
    public void The_document_is_titled_and_dated_as_the_invoice_not_by_the_clock()
    {
        var pdf = InvoicePdf.Render(December(), Number, Header);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal("Facture n° 95127-2026-12-000123", document.Info.Title);
        Assert.Equal("Ville d'Ermont", document.Info.Author);
        Assert.Equal(new DateTime(2027, 1, 5), document.Info.CreationDate.Date);
        Assert.Equal(PdfText.Pages(pdf), PdfText.Pages(InvoicePdf.Render(December(), Number, Header)));
    }

    [Fact]
    public void A_month_with_nothing_to_pay_has_no_invoice() =>
        Assert.Equal("La famille famille-1042 n'a rien à payer pour décembre 2026 : aucune facture n'est émise.",
            Assert.Throws<ArgumentException>(() => InvoicePdf.Render(new MonthlyInvoice("famille-1042", new BillingMonth(2026, 12), []), Number, Header)).Message);

    [Fact]
    public void A_number_of_another_month_is_refused() =>
        Assert.Equal("La facture n° 95127-2026-11-000123 porte sur le mois 2026-11 mais ses lignes sont de décembre 2026.",
            Assert.Throws<ArgumentException>(() => InvoicePdf.Render(December(), InvoiceNumber.Parse("95127-2026-11-000123"), Header)).Message);

    [Fact]
    public void A_due_date_before_the_issue_date_is_refused() =>
        Assert.Equal("L'échéance (31 décembre 2026) précède l'émission de la facture (5 janvier 2027).",
            Assert.Throws<ArgumentException>(() => InvoicePdf.Render(December(), Number, Header with { DueOn = new DateOnly(2026, 12, 31) })).Message);

    [Fact]
    public void Without_the_DejaVu_fonts_the_error_names_the_package_to_install()
    {
        var empty = Directory.CreateTempSubdirectory("sans-polices-");
        try
        {
            Assert.Equal(
                $"Police DejaVu Sans introuvable pour les documents PDF : DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSans-Oblique.ttf, DejaVuSans-BoldOblique.ttf manque dans {empty.FullName}. "
                + "Installez le paquet Debian fonts-dejavu-core (apt-get install fonts-dejavu-core).",
                Assert.Throws<InvalidOperationException>(() => DejaVuFontResolver.From(empty.FullName)).Message);
        }
        finally
        {
            empty.Delete();
        }
    }
}
