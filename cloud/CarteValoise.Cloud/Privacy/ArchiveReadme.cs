using System.Globalization;
using System.Text;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Privacy;

namespace CarteValoise.Cloud.Privacy;

/// <summary>The archive's README.txt, in French: what the archive is, each file, how to read them, how long each kind of data is kept.</summary>
public static class ArchiveReadme
{
    public static string Write(IReadOnlyList<CollectedSection> sections, IReadOnlyDictionary<CollectedSection, IReadOnlyList<string>> fileNames,
        string preparedFor, DateTimeOffset preparedAt)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append("\r\n");

        Line("MES DONNÉES — CarteValoise");
        Line();
        Line($"Archive préparée le {FrenchText.DayAndTime(preparedAt)} pour {preparedFor}.");
        Line("Elle contient tout ce que la plateforme CarteValoise détient sur vous et sur votre foyer au moment de la demande.");
        Line();
        Line("LES FICHIERS");
        Line();
        Line($"{MyDataArchive.ReadmeName} : ce fichier.");
        foreach (var section in sections)
        {
            Line();
            Line($"{section.FileName}.json : {section.Title}.");
            if (section.Description.Length > 0) Line($"  {section.Description}");
            foreach (var (label, count) in section.Counts())
                Line($"  - {label} : {count.ToString(CultureInfo.InvariantCulture)}");
            var files = fileNames[section];
            if (files.Count > 0)
            {
                Line($"  Dossier {MyDataArchive.FilesFolder(section)} ({Files(files.Count)}) :");
                foreach (var name in files) Line($"  - {name}");
            }
        }
        Line();
        Line("COMMENT LIRE LES FICHIERS .json");
        Line();
        Line("Ce sont des fichiers texte (UTF-8) : un éditeur de texte, un navigateur ou un tableur les ouvre.");
        Line("Les noms des rubriques sont en français. Les dates sont écrites AAAA-MM-JJ (2026-12-04 pour le 4 décembre 2026) ;");
        Line("les heures sont celles de Paris, suivies du décalage avec le temps universel (+01:00 en hiver, +02:00 en été) ;");
        Line("les montants sont en euros, avec un point avant les centimes (3.5 pour 3,50 €). « null » signifie : non renseigné.");
        Line();
        Line("DURÉES DE CONSERVATION");
        Line();
        foreach (var period in RetentionPolicy.Periods)
            Line($"- {period.Data} : {period.Period}. Fondement : {period.LegalBasis}.");
        Line();
        Line(AccountClosureRules.Rule);
        Line();
        Line("Pour faire corriger une donnée inexacte, adressez-vous à votre mairie.");
        return text.ToString();
    }

    private static string Files(int count) => $"{count.ToString(CultureInfo.InvariantCulture)} fichier{(count > 1 ? "s" : "")}";
}
