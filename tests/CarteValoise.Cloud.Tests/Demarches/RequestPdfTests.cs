using CarteValoise.Cloud.Demarches;
using CarteValoise.Cloud.Tests.Documents;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;
using Xunit;

namespace CarteValoise.Cloud.Tests.Demarches;

public sealed class RequestPdfTests
{
    private static readonly DateTimeOffset Filed = new(2026, 10, 5, 12, 30, 0, TimeSpan.Zero);

    private static readonly DemarcheDefinition BirthCertificate = BuiltInCatalogue.All().Single(d => d.Id == "acte-naissance") with { Version = 1 };

    private static readonly SubmittedDocument Identity = new("doc-1", "DEM-95127-2026-000012", "95127", "parent.cergy@demo.cartevaloise.fr",
        "piece-identite", "Pièce d'identité", "carte-identite.pdf", "application/pdf", 52_000, null, Filed);

    private static readonly RequestSubmission Submission = new("DEM-95127-2026-000012", "parent.cergy@demo.cartevaloise.fr:op-1", "95127", "acte-naissance", 1,
        "Demande d'acte de naissance", "parent.cergy@demo.cartevaloise.fr", "Claire Martin", "parent.cergy@demo.cartevaloise.fr", RequestChannel.Online, "",
        new Dictionary<string, string>
        {
            ["type-acte"] = "copie-integrale",
            ["pour-qui"] = "moi-meme",
            ["piece-identite"] = "doc-1",
            ["nom"] = "Martin",
            ["prenoms"] = "Claire Anne",
            ["date-naissance"] = "1985-03-12",
            ["parent1"] = "Durand Sophie",
            ["remise"] = "guichet",
        },
        [Identity], Filed);

    private static readonly RequestView Accepted = new(Submission, "acceptee", Filed.AddDays(2), null, "agent.cergy@demo.cartevaloise.fr", "Agent de Cergy",
        [], [], Filed.AddDays(2), "Agent de Cergy", "", 3, 4);

    private static IReadOnlyList<AnswerSection> Sections() =>
        AnswerDisplay.Sections(BirthCertificate, Submission.Answers, _ => null, id => id == "doc-1" ? "Pièce d'identité : carte-identite.pdf" : null);

    [Fact]
    public void The_acknowledgement_reads_the_commune_the_reference_when_and_how_filed_the_answers_the_pieces_and_the_delay()
    {
        var pdf = AcknowledgementPdf.Render(new AcknowledgementPdf.Content("Cergy", Submission, Sections(), Submission.Documents, BirthCertificate.ProcessingDays));

        AssertReads(pdf,
        [
            "Cergy",
            "Mairie de Cergy",
            "Récépissé de dépôt d'une demande",
            "Demande n° DEM-95127-2026-000012",
            "Démarche Demande d'acte de naissance",
            "Référence DEM-95127-2026-000012",
            "Déposée le lundi 5 octobre 2026 à 14:30",
            "Canal En ligne",
            "Demandeur Claire Martin",
            "Votre demande",
            "Document demandé Copie intégrale",
            "Pièce d'identité du demandeur Pièce d'identité : carte-identite.pdf",
            "Prénoms Claire Anne",
            "Date de naissance 12 mars 1985",
            "Premier parent : nom de naissance et prénoms Durand Sophie",
            "Je le retire au guichet de la mairie",
            "Pièces jointes",
            "Pièce d'identité carte-identite.pdf",
            "Délai de traitement annoncé : 10 jours",
        ]);
        Assert.Equal(PdfText.Pages(pdf), PdfText.Pages(AcknowledgementPdf.Render(
            new AcknowledgementPdf.Content("Cergy", Submission, Sections(), Submission.Documents, BirthCertificate.ProcessingDays))));
        Assert.Equal("DEM-95127-2026-000012-accuse-reception.pdf", RequestFiles.AcknowledgementFileName(Submission.Reference));
    }

    [Fact]
    public void A_counter_acknowledgement_names_the_agent_who_entered_it()
    {
        var counter = Submission with { Channel = RequestChannel.Counter, EnteredByAgentName = "Agent de Cergy", CitizenAccountId = "", CitizenEmail = "", Documents = [] };
        var pdf = AcknowledgementPdf.Render(new AcknowledgementPdf.Content("Cergy", counter, Sections(), [], 10));

        AssertReads(pdf, ["Canal Au guichet, saisie par Agent de Cergy", "Pièces jointes", "Aucune pièce jointe.", "Délai de traitement annoncé : 10 jours"]);
        Assert.DoesNotContain("Adresse électronique", string.Join(" ", PdfText.Pages(pdf)));
    }

    [Fact]
    public void A_generated_document_is_its_template_filled_with_the_request_and_its_answers_as_read()
    {
        var template = BirthCertificate.Templates.Single(t => t.Id == "courrier-reponse");
        var values = RequestFiles.TemplateValues(Accepted, BirthCertificate, "Cergy", _ => null, id => id, new DateOnly(2026, 10, 7));
        var pdf = GeneratedDocumentPdf.Render(new GeneratedDocumentPdf.Content("Cergy", template.Title, Accepted.Reference,
            TemplateText.Fill(template.Body, values), Filed.AddDays(2), "Agent de Cergy"));

        AssertReads(pdf,
        [
            "Réponse à votre demande d'acte de naissance",
            "Demande n° DEM-95127-2026-000012",
            "Commune de Cergy",
            "Demande n° DEM-95127-2026-000012, déposée le lundi 5 octobre 2026 par Claire Martin.",
            "l'acte de naissance de Claire Anne Martin, né(e) le 12 mars 1985 : Copie intégrale.",
            "(Je le retire au guichet de la mairie)",
            "Fait à Cergy, le mercredi 7 octobre 2026",
            "Pour le maire, Agent de Cergy",
        ]);
        Assert.DoesNotContain("{{", string.Join(" ", PdfText.Pages(pdf)));
    }

    private static void AssertReads(byte[] pdf, string[] expected)
    {
        var lines = PdfText.Pages(pdf).SelectMany(PdfText.Lines).ToList();
        var text = string.Join(" ", lines);
        var at = 0;
        foreach (var part in expected)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"The PDF does not read «{part}» after «{text[..at]}»:\n{string.Join("\n", lines)}");
            at = found + part.Length;
        }
    }
}
