using System.Net;
using System.Text;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.AgentFamilies;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.AgentImport;

/// <summary>
/// The families import through the portal's pages, over HTTP against the real cloud: a file sent,
/// the job page refreshing itself with its progress bar until the preview, then «Importer ces
/// familles» and the totals, and the families in the list; a file with malformed rows shows each
/// error with its line and offers no import; a file too large or not a CSV is refused in French.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentImportPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string ImportPage = $"/Admin/Import?commune={ArgenteuilAgent.Commune}";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const string Header = "N° famille;Nom de famille;Adresse;Code postal;Ville;Quotient familial;Date du justificatif QF;Prénom de l'enfant;Date de naissance;École;Classe;PAI;Jours de cantine";

    [Fact]
    public Task A_valid_file_is_previewed_then_imported_and_its_families_are_listed() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var tag = ArgenteuilAgent.NewTag();
        var file = Csv(Header,
            $"P{tag}-1;DURAND-{tag};3 rue des Lilas;95100;Argenteuil;650;15/09/2025;Léa;03/05/2018;{ArgenteuilAgent.SchoolName};CE1;non;lun,mar,jeu,ven",
            $"P{tag}-1;DURAND-{tag};3 rue des Lilas;95100;Argenteuil;650;15/09/2025;Noé;12/11/2020;{ArgenteuilAgent.School};CP;non;lun,mar",
            $"P{tag}-2;PETIT-{tag};8 allée des Peupliers;95100;Argenteuil;1 250;02/10/2025;Chloé;21/01/2016;{ArgenteuilAgent.SchoolName};CM2;oui;");

        var sent = await agent.UploadAsync(ImportPage, "fichier", "familles.csv", file);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Matches("^/Admin/Import/[0-9a-f]{32}$", sent.Address.AbsolutePath);
        var job = sent.Address.AbsolutePath;

        var previewed = await agent.FollowRefreshesAsync(job, Patience);
        var preview = PreviewOf(previewed.Html);
        Assert.Equal("previewed", StateOf(previewed.Html));
        Assert.Equal(("3", "3", "0", "2", "3", "0", "true"),
            (preview["data-rows"], preview["data-rows-accepted"], preview["data-rows-rejected"], preview["data-families"], preview["data-children"], preview["data-errors"], preview["data-can-import"]));
        Assert.Contains($"DURAND-{tag} P{tag}-1 2 650", previewed.Text);
        Assert.Contains($"PETIT-{tag} P{tag}-2 1 1 250", previewed.Text);
        Assert.Contains("Importer ces familles", previewed.Text);
        Assert.Empty(FamilyOnPage.Rows((await agent.GetAsync($"/Admin/Familles?commune={ArgenteuilAgent.Commune}&recherche={tag}")).Html));

        var pressed = await agent.PressAsync(job, "Apply");
        Assert.Equal(HttpStatusCode.OK, pressed.Status);
        Assert.Equal(job, pressed.Address.AbsolutePath);
        var applied = await agent.FollowRefreshesAsync(job, Patience);
        Assert.Equal("applied", StateOf(applied.Html));
        var totals = Markup.Tags(applied.Html, "dl").Single(d => d.HasClass("import-totals"));
        Assert.Equal(("2", "0", "3", "0"), (totals["data-families-created"], totals["data-families-updated"], totals["data-children-enrolled"], totals["data-cards-issued"]));
        Assert.Contains("Import terminé", applied.Text);

        var listed = FamilyOnPage.Rows((await agent.GetAsync($"/Admin/Familles?commune={ArgenteuilAgent.Commune}&recherche={tag}")).Html);
        Assert.Equal([$"DURAND-{tag}", $"PETIT-{tag}"], listed.Select(r => r.Text.Split(' ')[0]));
        Assert.Equal($"DURAND-{tag} 95018-F-P{tag}-1 2 650 0,00 €", listed[0].Text);
        Assert.Equal($"PETIT-{tag} 95018-F-P{tag}-2 1 1 250 0,00 €", listed[1].Text);
    });

    [Fact]
    public Task A_file_with_malformed_rows_shows_each_error_with_its_line_and_offers_no_import() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var tag = ArgenteuilAgent.NewTag();
        var file = Csv("N° famille;Nom de famille;Prénom de l'enfant;Date de naissance;École",
            $"M{tag}-1;MOREAU-{tag};Léa;03/05/2018;{ArgenteuilAgent.School}",
            $"M{tag}-1;MOREAU-{tag};Noé;31/02/2018;{ArgenteuilAgent.School}",
            $"M{tag}-2;SIMON-{tag};Inès;07/07/2017;{ArgenteuilAgent.School};en trop");

        var sent = await agent.UploadAsync(ImportPage, "fichier", "familles.txt", file);
        var page = await agent.FollowRefreshesAsync(sent.Address.AbsolutePath, Patience);

        Assert.Equal("previewed", StateOf(page.Html));
        var preview = PreviewOf(page.Html);
        Assert.Equal(("3", "1", "2", "2", "false"), (preview["data-rows"], preview["data-rows-accepted"], preview["data-rows-rejected"], preview["data-errors"], preview["data-can-import"]));
        Assert.Equal([
            "Ligne 3, colonne « Date de naissance » : « 31/02/2018 » n'est pas une date (attendu : jj/mm/aaaa, par exemple 03/05/2018).",
            "Ligne 4 : la ligne a 6 valeurs pour 5 colonnes : une valeur qui contient le séparateur « ; » doit être entre guillemets.",
        ], ItemsOf(page.Html, "import-errors"));
        Assert.Contains("2 erreurs", page.Text);
        Assert.DoesNotContain("Importer ces familles", page.Text);
        Assert.DoesNotContain(Markup.Tags(page.Html, "form"), f => f["action"]?.Contains("handler=Apply", StringComparison.Ordinal) == true);
        Assert.Contains("Ce fichier ne peut pas être importé tel quel", page.Text);
        Assert.Empty(FamilyOnPage.Rows((await agent.GetAsync($"/Admin/Familles?commune={ArgenteuilAgent.Commune}&recherche={tag}")).Html));
    });

    [Fact]
    public Task A_file_over_20_MB_or_not_a_CSV_is_refused_in_French_and_no_import_starts() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        const string tooLarge = "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers (par école, par exemple), puis envoyez-les l'un après l'autre.";

        // Just over the limit: read, then refused by the page.
        var justOver = await agent.UploadAsync(ImportPage, "fichier", "familles.csv", Filler(20 * 1024 * 1024 + 1));
        Assert.Equal(HttpStatusCode.OK, justOver.Status);
        Assert.Equal("/Admin/Import", justOver.Address.AbsolutePath);
        Assert.Contains(tooLarge, justOver.Text);

        // Well over it: refused before the form is read.
        var farOver = await agent.UploadAsync(ImportPage, "fichier", "familles.csv", Filler(21 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.OK, farOver.Status);
        Assert.Equal("/Admin/Import", farOver.Address.AbsolutePath);
        Assert.Contains(tooLarge, farOver.Text);

        var spreadsheet = await agent.UploadAsync(ImportPage, "fichier", "familles.xlsx", [0x50, 0x4B, 0x03, 0x04]);
        Assert.Equal("/Admin/Import", spreadsheet.Address.AbsolutePath);
        Assert.Contains("« familles.xlsx » n'est pas un fichier CSV : enregistrez le tableau au format CSV (.csv ou .txt), puis envoyez-le.", spreadsheet.Text);

        var empty = await agent.UploadAsync(ImportPage, "fichier", "familles.csv", []);
        Assert.Equal("/Admin/Import", empty.Address.AbsolutePath);
        Assert.Contains("Le fichier « familles.csv » est vide.", empty.Text);
    });

    private async Task<UploadingAgent> SignedInAsync()
    {
        var agent = new UploadingAgent(await platform.PortalAsync());
        await agent.SignInAsync(ArgenteuilAgent.Email, Demo.AgentPassword);
        return agent;
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static byte[] Filler(int bytes) => Enumerable.Repeat((byte)'x', bytes).ToArray();

    private static string StateOf(string html) =>
        Markup.Tags(html, "section").Single(s => s.HasClass("import-job"))["data-import-state"]!;

    private static Tag PreviewOf(string html) =>
        Markup.Tags(html, "dl").SingleOrDefault(d => d.HasClass("import-preview")) ?? throw new Xunit.Sdk.XunitException($"The job page shows no preview: {Markup.Text(html)}");

    private static IReadOnlyList<string> ItemsOf(string html, string listClass)
    {
        var list = Markup.Tags(html, "ul").Single(u => u.HasClass(listClass));
        return [.. Markup.Tags(html, "li", list.End, Markup.EndOf(html, list)).Select(li => Markup.Text(html[li.End..Markup.EndOf(html, li)]))];
    }
}
