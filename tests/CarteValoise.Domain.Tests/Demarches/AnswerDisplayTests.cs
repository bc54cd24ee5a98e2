using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class AnswerDisplayTests
{
    private static readonly DemarcheDefinition Sample = SampleDemarche.Definition();

    [Fact]
    public void Answers_read_as_a_person_reads_them()
    {
        var answers = SampleDemarche.Answers();
        answers["usages"] = "passeport\nmariage";
        answers["usage-autre"] = "caché";
        answers["telephone"] = "0612345678";
        answers["enfant"] = "enfant-1";
        answers["personnes[0].prenom"] = "Léa";
        answers["personnes[0].majeur"] = "non";
        answers["personnes[0].responsable"] = "Marie Martin";
        answers["personnes[1].prenom"] = "Paul";

        var sections = AnswerDisplay.Sections(Sample, answers, id => id == "enfant-1" ? "Léa Martin" : null, id => id == "doc-cni" ? "Carte d'identité de Marie" : null);

        Assert.Equal(["L'acte demandé", "Filiation", "Vos coordonnées", "Les personnes"], sections.Select(section => section.PageTitle));
        Assert.Equal([
            new AnswerRow("Type d'acte", "Copie intégrale"),
            new AnswerRow("Motif", "Mariage"),
            new AnswerRow("Nombre d'exemplaires", "2"),
            new AnswerRow("Date de naissance", "1er mai 1990"),
            new AnswerRow("Usages", "Passeport, Mariage"),
        ], sections[0].Rows);
        Assert.Equal([new AnswerRow("Nom du père", "Martin")], sections[1].Rows);
        Assert.Equal([
            new AnswerRow("Adresse électronique", "marie.martin@exemple.fr"),
            new AnswerRow("Téléphone", "06 12 34 56 78"),
            new AnswerRow("Adresse d'envoi", "12 rue des Écoles, 95000 Cergy"),
            new AnswerRow("Enfant concerné", "Léa Martin"),
            new AnswerRow("Pièce d'identité", "Carte d'identité de Marie"),
        ], sections[2].Rows);
        Assert.Equal([
            new AnswerRow("Personne 1 — Prénom", "Léa"),
            new AnswerRow("Personne 1 — Majeur", "Non"),
            new AnswerRow("Personne 1 — Responsable", "Marie Martin"),
            new AnswerRow("Personne 2 — Prénom", "Paul"),
        ], sections[3].Rows);
    }

    [Fact]
    public void A_paper_seen_at_the_counter_and_dates_read_in_words()
    {
        var answers = SampleDemarche.Answers();
        answers["piece"] = AnswerValues.SeenAtCounter;
        answers["date-naissance"] = "2026-03-12";

        var sections = AnswerDisplay.Sections(Sample, answers, _ => null, _ => null);

        Assert.Equal(new AnswerRow("Pièce d'identité", "Vue au guichet"), sections[2].Rows[^1]);
        Assert.Equal(new AnswerRow("Date de naissance", "12 mars 2026"), sections[0].Rows[3]);
        Assert.Equal(3, sections.Count);
    }
}
