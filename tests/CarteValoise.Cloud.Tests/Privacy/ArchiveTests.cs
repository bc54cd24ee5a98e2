using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CarteValoise.Cloud.Privacy;
using CarteValoise.Cloud.Tests.Billing;
using CarteValoise.Contracts.PersonalData;
using Xunit;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>The archive of «Mes données» as the parent downloads it: its entries, JSON that parses, and what it holds.</summary>
[Collection(PrivacySiloCollection.Name)]
public sealed class ArchiveTests(PrivacySilo silo)
{
    private async Task<(ChunkCollector Stream, ZipArchive Zip)> DownloadAsync(Household household)
    {
        var stream = new ChunkCollector();
        await silo.Service.DownloadMyData(new DownloadMyDataRequest(), stream, silo.As(household.Parent));
        return (stream, new ZipArchive(new MemoryStream(stream.Archive), ZipArchiveMode.Read));
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static JsonElement Json(ZipArchive zip, string name) => JsonDocument.Parse(Text(zip, name)).RootElement;

    [Fact]
    public async Task The_archive_holds_a_readme_one_json_per_section_and_the_files_under_their_section()
    {
        var household = await silo.NewHousehold();

        var (stream, zip) = await DownloadAsync(household);

        Assert.Equal(
            ["README.txt", "compte.json", "famille.json", "journal-des-acces.json", "demande-de-cloture.json", "documents.json",
                "fichiers/documents/facture-edf.pdf", "fichiers/documents/facture-edf (2).pdf", "fichiers/documents/livret.png"],
            zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)), e => JsonDocument.Parse(Text(zip, e.FullName)).Dispose());
        Assert.Equal("%PDF-1.7 edf", Text(zip, "fichiers/documents/facture-edf.pdf"));
        Assert.Equal("%PDF-1.7 autre", Text(zip, "fichiers/documents/facture-edf (2).pdf"));
        using (var copy = new MemoryStream())
        {
            zip.GetEntry("fichiers/documents/livret.png")!.Open().CopyTo(copy);
            Assert.Equal(SafeLikeSection.Large, copy.ToArray());
        }
        Assert.Equal("2026-11-02", Json(zip, "documents.json").GetProperty("pieces")[0].GetProperty("date").GetString());

        // Streamed in chunks no larger than the limit; the first names the archive and gives its size.
        Assert.True(stream.Chunks.Count >= 2, $"An archive of {stream.Archive.Length} bytes came in {stream.Chunks.Count} chunk(s).");
        Assert.All(stream.Chunks, c => Assert.InRange(c.Content.Length, 1, PersonalDataService.ChunkBytes));
        Assert.Equal(($"mes-donnees-{silo.Time.GetUtcNow().AddHours(1):yyyy-MM-dd}.zip", (long)stream.Archive.Length), (stream.Chunks[0].FileName, stream.Chunks[0].TotalBytes));
        Assert.All(stream.Chunks.Skip(1), c => Assert.Equal(("", 0L), (c.FileName, c.TotalBytes)));
    }

    [Fact]
    public async Task The_family_file_holds_the_household_its_children_cards_taps_balance_and_invoices()
    {
        var household = await silo.NewHousehold();

        var (_, zip) = await DownloadAsync(household);
        var text = Text(zip, "famille.json");
        var family = Json(zip, "famille.json");

        // Indented UTF-8, accents written as they are.
        Assert.Contains("\n  \"famille\": {", text);
        Assert.Contains("\"prénom\": \"Léa\"", text);
        var details = family.GetProperty("famille");
        Assert.Equal((household.FamilyId, "Martin", "Cergy", "3 rue des Lilas", 620, "2026-09-15", "solde prépayé"),
            (details.GetProperty("numéro").GetString(), details.GetProperty("nom").GetString(), details.GetProperty("commune").GetString(),
                details.GetProperty("adresse").GetString(), details.GetProperty("quotientFamilial").GetInt32(),
                details.GetProperty("quotientFamilialJustifiéLe").GetString(), details.GetProperty("modeDeFacturation").GetString()));
        Assert.Equal([("Léa", "Martin", "2018-04-02", "École des Touleuses", "CE2"), ("Hugo", "Martin", "2021-01-20", "École des Touleuses", "PS")],
            family.GetProperty("enfants").EnumerateArray().Select(c => (c.GetProperty("prénom").GetString(), c.GetProperty("nom").GetString(),
                c.GetProperty("dateDeNaissance").GetString(), c.GetProperty("école").GetString(), c.GetProperty("classe").GetString())));
        Assert.Equal(["lundi", "mardi", "jeudi", "vendredi"],
            family.GetProperty("enfants")[0].GetProperty("inscriptionsRégulières")[0].GetProperty("jours").EnumerateArray().Select(d => d.GetString()));
        var card = Assert.Single(family.GetProperty("cartes").EnumerateArray());
        Assert.Equal(("Léa Martin", $"04{household.Commune}1001100", "active"),
            (card.GetProperty("enfant").GetString(), card.GetProperty("numéro").GetString(), card.GetProperty("état").GetString()));

        var tap = Assert.Single(family.GetProperty("passagesDeCarte").EnumerateArray());
        Assert.Equal(("Léa Martin", "2026-12-03T12:05:00+01:00", "École des Touleuses", "cantine", true),
            (tap.GetProperty("enfant").GetString(), tap.GetProperty("le").GetString(), tap.GetProperty("école").GetString(),
                tap.GetProperty("pour").GetString(), tap.GetProperty("compteCommeLeRepasDuJour").GetBoolean()));
        var taken = Assert.Single(family.GetProperty("repasEtAccueilsPris").EnumerateArray());
        Assert.Equal(("Léa Martin", "2026-12-03", "Cantine"), (taken.GetProperty("enfant").GetString(), taken.GetProperty("date").GetString(), taken.GetProperty("service").GetString()));
        // Léa's standing canteen days from September to the end of the school year, Hugo has none.
        var reserved = family.GetProperty("réservations").EnumerateArray().ToList();
        Assert.Contains(reserved, r => r.GetProperty("date").GetString() == "2026-12-04" && r.GetProperty("service").GetString() == "Cantine");
        Assert.DoesNotContain(reserved, r => r.GetProperty("date").GetString() == "2026-12-02");
        Assert.All(reserved, r => Assert.Equal("Léa Martin", r.GetProperty("enfant").GetString()));

        // 20,00 € credited, the meal of 3 December and the invoice debited: the balance is their sum.
        var movements = family.GetProperty("mouvementsDuSolde").EnumerateArray().ToList();
        Assert.Equal(3, movements.Count);
        Assert.Contains(movements, m => (m.GetProperty("libellé").GetString(), m.GetProperty("montantEnEuros").GetDecimal()) == ("Rechargement", 20m));
        Assert.Contains(movements, m => m.GetProperty("montantEnEuros").GetDecimal() == -7.5m);
        Assert.Equal(movements.OrderBy(m => m.GetProperty("le").GetDateTimeOffset()), movements);
        Assert.Equal(details.GetProperty("soldeEnEuros").GetDecimal(),
            family.GetProperty("mouvementsDuSolde").EnumerateArray().Sum(m => m.GetProperty("montantEnEuros").GetDecimal()));
        var invoice = Assert.Single(family.GetProperty("factures").EnumerateArray());
        Assert.Equal(($"{household.Commune}-2026-11-000001", "2026-11", 7.5m, 0m, false),
            (invoice.GetProperty("numéro").GetString(), invoice.GetProperty("mois").GetString(), invoice.GetProperty("totalEnEuros").GetDecimal(),
                invoice.GetProperty("payéEnEuros").GetDecimal(), invoice.GetProperty("payée").GetBoolean()));
        var line = Assert.Single(invoice.GetProperty("lignes").EnumerateArray());
        Assert.Equal(("2026-11-02", "Léa Martin", "Cantine", 2.5m, 3), (line.GetProperty("date").GetString(), line.GetProperty("enfant").GetString(),
            line.GetProperty("service").GetString(), line.GetProperty("prixUnitaireEnEuros").GetDecimal(), line.GetProperty("quantité").GetInt32()));
    }

    [Fact]
    public async Task The_account_file_holds_the_address_and_name_and_no_secret()
    {
        var household = await silo.NewHousehold();

        var (_, zip) = await DownloadAsync(household);
        var text = Text(zip, "compte.json");
        var account = Json(zip, "compte.json").GetProperty("compte");

        Assert.Equal((household.Parent.AccountId, "Claire Martin", true, false, household.FamilyId),
            (account.GetProperty("adresseÉlectronique").GetString(), account.GetProperty("nom").GetString(), account.GetProperty("adresseConfirmée").GetBoolean(),
                account.GetProperty("doubleAuthentification").GetBoolean(), account.GetProperty("familleRattachée").GetString()));
        Assert.Equal(["Cergy"], account.GetProperty("communes").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("hash-du-mot-de-passe", string.Join("", zip.Entries.Select(e => Text(zip, e.FullName))));
    }

    [Fact]
    public async Task The_readme_explains_each_file_in_French_with_the_retention_periods()
    {
        var household = await silo.NewHousehold();

        var (_, zip) = await DownloadAsync(household);
        var bytes = new MemoryStream();
        zip.GetEntry("README.txt")!.Open().CopyTo(bytes);
        var readme = Encoding.UTF8.GetString(bytes.ToArray());

        Assert.StartsWith("\uFEFFMES DONNÉES — CarteValoise\r\n", readme);
        Assert.Contains("pour Claire Martin.", readme);
        Assert.Contains("famille.json : Ma famille à la cantine et au périscolaire.", readme);
        Assert.Contains("  - enfants : 2\r\n", readme);
        Assert.Contains("  - passages de carte : 1\r\n", readme);
        Assert.Contains("journal-des-acces.json : Journal des accès à vos données.", readme);
        Assert.Contains("demande-de-cloture.json : Demande de clôture du compte.", readme);
        Assert.Contains("documents.json : Documents.", readme);
        Assert.Contains("  Dossier fichiers/documents/ (3 fichiers) :\r\n  - facture-edf.pdf\r\n  - facture-edf (2).pdf\r\n  - livret.png\r\n", readme);
        Assert.Contains("- Mouvements du solde, factures et paiements : 10 ans après la fin de l'année de l'opération. Fondement : Comptabilité publique : conservation des pièces comptables (10 ans).", readme);
        Assert.Contains("La clôture de votre compte prend effet 30 jours après votre demande", readme);
    }

    [Fact]
    public async Task The_summary_counts_what_each_section_holds()
    {
        var household = await silo.NewHousehold();
        await silo.AccessLog.RecordRead(PrivacySilo.Agent(household.Commune), household.FamilyId, "dossier famille", "inscription à la cantine");

        var summary = await silo.Service.GetMyDataSummary(new GetMyDataSummaryRequest(), silo.As(household.Parent));

        Assert.Equal(["compte", "famille", "journal-des-acces", "demande-de-cloture", "documents"], summary.Sections.Select(s => s.Name));
        Assert.Equal(("Mon compte", "sessions ouvertes", 0), (summary.Sections[0].Title, summary.Sections[0].Counts.Single().Label, summary.Sections[0].Counts.Single().Count));
        var family = summary.Sections[1];
        Assert.Equal("Ma famille à la cantine et au périscolaire", family.Title);
        Assert.Equal(
            [("enfants", 2), ("cartes", 1), ("passages de carte", 1), ("repas et accueils pris", 1), ("mouvements du solde", 3), ("factures", 1)],
            family.Counts.Where(c => c.Label != "réservations").Select(c => (c.Label, c.Count)));
        Assert.Equal([("accès", 1)], summary.Sections[2].Counts.Select(c => (c.Label, c.Count)));
        Assert.Empty(summary.Sections[3].Counts);
        Assert.Equal(("Documents", 3, "pieces", 1), (summary.Sections[4].Title, summary.Sections[4].FileCount, summary.Sections[4].Counts[0].Label, summary.Sections[4].Counts[0].Count));
    }
}
