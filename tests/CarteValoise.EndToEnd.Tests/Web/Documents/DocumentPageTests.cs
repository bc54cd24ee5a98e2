using System.Net;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Documents;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Documents;

/// <summary>
/// /Documents over HTTP, as a browser posts it, against the shared platform: citizens of the tests'
/// own add real files and see them listed as their type's validity says; a program renamed .pdf, a
/// file too large and a path in the name are refused in French with nothing listed; nobody else
/// downloads a citizen's document, not another citizen, not an agent without a request of theirs.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DocumentPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static DateOnly Today => ServiceDay.Today(TimeProvider.System);

    private async Task<(SafeVisitor Visitor, Citizen Citizen)> CitizenAsync()
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        return (await SafeVisitor.SignedInAsync(await platform.PortalAsync(), citizen.Email, citizen.Password), citizen);
    }

    [Fact]
    public Task A_pdf_and_a_png_are_added_listed_valid_and_downloaded_as_they_were() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;
        var pdf = SampleFiles.Pdf("Quittance de loyer");
        var png = SampleFiles.Png();
        var dated = Today.AddDays(-10);

        var afterPdf = DocumentsPage.Of(await visitor.UploadAsync("justificatif-domicile", ServiceDay.Format(dated), "quittance.pdf", pdf));
        var afterPng = DocumentsPage.Of(await visitor.UploadAsync("livret-famille", "", "livret.png", png, "image/png"));

        var validUntil = DocumentDates.Long(dated.AddMonths(3).AddDays(-1));
        Assert.Contains($"« quittance.pdf » a été ajouté à vos documents : Justificatif de domicile, valable jusqu'au {validUntil}.", afterPdf.Page.Text);
        Assert.Contains("« livret.png » a été ajouté à vos documents : Livret de famille, valable sans limite de durée.", afterPng.Page.Text);
        Assert.Equal([("livret.png", "valables"), ("quittance.pdf", "valables")], afterPng.Documents.Select(d => (d.FileName, d.Group)));
        Assert.Contains($"Valable jusqu'au {validUntil}", afterPng.Named("quittance.pdf").Text);
        Assert.Contains($"Espace utilisé : {ByteSize.French(pdf.Length + png.Length)} sur 100 Mo", afterPng.Page.Text);

        var downloadedPdf = await visitor.DownloadAsync($"/Documents/Telecharger/{afterPng.Named("quittance.pdf").Id}");
        var downloadedPng = await visitor.DownloadAsync($"/Documents/Telecharger/{afterPng.Named("livret.png").Id}");
        Assert.Equal((HttpStatusCode.OK, "application/pdf", "quittance.pdf"), (downloadedPdf.Status, downloadedPdf.MediaType, downloadedPdf.FileName));
        Assert.Equal(pdf, downloadedPdf.Bytes);
        Assert.Equal(("image/png", "livret.png"), (downloadedPng.MediaType, downloadedPng.FileName));
        Assert.Equal(png, downloadedPng.Bytes);
    });

    [Fact]
    public Task A_justificatif_de_domicile_dated_four_months_ago_is_listed_expired() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;
        var dated = Today.AddMonths(-4);

        var page = DocumentsPage.Of(await visitor.UploadAsync("justificatif-domicile", ServiceDay.Format(dated), "facture-edf.pdf", SampleFiles.Pdf("Facture EDF")));

        var expected = DocumentStanding.On(DocumentKinds.ProofOfAddress.ValidUntil(dated), Today);
        Assert.Equal(DocumentStatus.Expired, expected.Status);
        var listed = page.Named("facture-edf.pdf");
        Assert.Equal("expires", listed.Group);
        Assert.Contains(char.ToUpperInvariant(expected.Text[0]) + expected.Text[1..], listed.Text);
        Assert.Contains("Expirés : 1", page.Page.Text);
    });

    [Fact]
    public Task A_program_renamed_pdf_is_refused_in_french_and_nothing_is_listed() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;

        var page = DocumentsPage.Of(await visitor.UploadAsync("justificatif-domicile", ServiceDay.Format(Today), "facture.pdf", SampleFiles.WindowsProgram()));

        const string Refusal = "« facture.pdf » est un programme exécutable, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.";
        Assert.Equal([("fichier", Refusal)], page.Errors);
        Assert.Equal(Refusal, page.FieldError("fichier"));
        Assert.Empty(page.Documents);
        Assert.Empty(DocumentsPage.Of(await visitor.GetAsync("/Documents")).Documents);
    });

    [Fact]
    public Task A_file_over_10_Mo_is_refused_in_french_and_nothing_is_listed() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;
        var pdf = SampleFiles.Pdf("Scan");

        // Far over: the portal answers before reading the form. Just over: the cloud refuses it.
        var farOver = DocumentsPage.Of(await visitor.UploadAsync("livret-famille", "", "scan-couleur.pdf", [.. pdf, .. new byte[11 * 1024 * 1024]]));
        var justOver = DocumentsPage.Of(await visitor.UploadAsync("livret-famille", "", "scan.pdf", [.. pdf, .. new byte[10 * 1024 * 1024 - pdf.Length + 1]]));

        Assert.Equal([("fichier", "Le fichier dépasse 10 Mo, la taille maximale d'un document : réduisez-le (une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.")],
            farOver.Errors);
        Assert.Equal([("fichier", "Le fichier « scan.pdf » dépasse 10 Mo, la taille maximale d'un document : réduisez-le (une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.")],
            justOver.Errors);
        Assert.Empty(justOver.Documents);
        Assert.Contains("Espace utilisé : 0 octets sur 100 Mo", justOver.Page.Text);
    });

    [Fact]
    public Task A_path_in_the_file_name_is_refused_in_french_and_nothing_is_listed() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;

        var page = DocumentsPage.Of(await visitor.UploadAsync("attestation-caf", ServiceDay.Format(Today), "../../etc/passwd.pdf", SampleFiles.Pdf("CAF")));

        Assert.Equal([("fichier", "Le nom « ../../etc/passwd.pdf » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf ».")],
            page.Errors);
        Assert.Empty(page.Documents);
    });

    [Fact]
    public Task Each_problem_of_a_form_is_shown_at_its_field() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;

        var page = DocumentsPage.Of(await visitor.UploadAsync("piece-identite", "", "cni.pdf", SampleFiles.Pdf("CNI")));
        var noType = DocumentsPage.Of(await visitor.UploadAsync("", "", "cni.pdf", SampleFiles.Pdf("CNI")));

        Assert.Equal([("date", "Indiquez la date d'expiration de la pièce.")], page.Errors);
        Assert.Contains("Date d'expiration de la pièce", Markup.Text(page.Page.Html[page.Page.Html.IndexOf("<label for=\"date\"", StringComparison.Ordinal)..]));
        Assert.Equal([("type", "Choisissez le type de document.")], noType.Errors);
        Assert.Empty(noType.Documents);
    });

    [Fact]
    public Task Another_citizen_cannot_download_nor_delete_it_and_an_agent_without_a_request_cannot_download_it() => platform.RunAsync(output, async () =>
    {
        var (owner, _) = await CitizenAsync();
        using var _ = owner;
        var id = DocumentsPage.Of(await owner.UploadAsync("livret-famille", "", "livret.pdf", SampleFiles.Pdf("Livret"))).Named("livret.pdf").Id;
        var (other, _) = await CitizenAsync();
        using var __ = other;
        using var agent = await SafeVisitor.SignedInAsync(await platform.PortalAsync(), Demo.CergyAgent, Demo.AgentPassword);

        var download = await other.GetAsync($"/Documents/Telecharger/{id}");
        var deletion = await other.GetAsync($"/Documents/Supprimer/{id}");
        var byAgent = await agent.GetAsync($"/Admin/Pieces/DOS-95127-2026-999999/{id}?motif=contr%C3%B4le");
        var ownerAtAdmin = await owner.GetAsync($"/Admin/Pieces/DOS-95127-2026-999999/{id}");

        Assert.Equal((HttpStatusCode.NotFound, "Page introuvable"), (download.Status, Heading(download)));
        Assert.Equal((HttpStatusCode.NotFound, "Page introuvable"), (deletion.Status, Heading(deletion)));
        Assert.Equal((HttpStatusCode.NotFound, "Page introuvable"), (byAgent.Status, Heading(byAgent)));
        Assert.DoesNotContain("%PDF", byAgent.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, ownerAtAdmin.Status);
        Assert.Equal(["livret.pdf"], DocumentsPage.Of(await owner.GetAsync("/Documents")).Documents.Select(d => d.FileName));
    });

    [Fact]
    public Task A_document_is_deleted_after_its_confirmation() => platform.RunAsync(output, async () =>
    {
        var (visitor, _) = await CitizenAsync();
        using var _ = visitor;
        var id = DocumentsPage.Of(await visitor.UploadAsync("attestation-caf", ServiceDay.Format(Today.AddDays(-3)), "caf.pdf", SampleFiles.Pdf("CAF"))).Named("caf.pdf").Id;

        var confirm = await visitor.GetAsync($"/Documents/Supprimer/{id}");
        var after = DocumentsPage.Of(await visitor.PostFormAsync($"/Documents/Supprimer/{id}", $"/Documents/Supprimer/{id}"));

        Assert.Equal("Supprimer « caf.pdf » ?", Heading(confirm));
        Assert.Contains("Les copies déjà jointes à vos demandes restent jointes à ces demandes", confirm.Text);
        Assert.Contains("Le document a été supprimé de votre espace.", after.Page.Text);
        Assert.Empty(after.Documents);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.DownloadAsync($"/Documents/Telecharger/{id}")).Status);
    });

    private static string Heading(WebPage page)
    {
        var h1 = Markup.Tags(page.Html, "h1").First();
        return Markup.Text(page.Html[h1.End..Markup.EndOf(page.Html, h1)]);
    }
}
