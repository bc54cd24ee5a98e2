using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Documents;

public sealed class DocumentFileNameTests
{
    [Theory]
    [InlineData("quittance-mars.pdf")]
    [InlineData("Facture EDF (mars 2026).pdf")]
    [InlineData("photo_0412.JPG")]
    public void A_plain_name_is_kept(string name) => Assert.Empty(DocumentFileName.Problems(name));

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("C:\\Users\\Léa\\facture.pdf")]
    [InlineData("dossier/facture.pdf")]
    [InlineData("..facture.pdf")]
    public void A_path_in_the_name_is_refused(string name)
    {
        Assert.Equal([$"Le nom « {name} » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf »."],
            DocumentFileName.Problems(name));
    }

    [Theory]
    [InlineData("facture\u0000.pdf")]
    [InlineData("facture\n.pdf")]
    [InlineData("photo\u202Egpj.exe")]
    public void Control_and_disguising_characters_are_refused(string name)
    {
        Assert.Equal(["Le nom du fichier contient des caractères invisibles ou de contrôle : renommez-le avec des lettres, des chiffres et des tirets, puis envoyez-le à nouveau."],
            DocumentFileName.Problems(name));
    }

    [Fact]
    public void A_name_of_120_characters_is_kept_and_121_refused()
    {
        Assert.Empty(DocumentFileName.Problems(new string('a', 116) + ".pdf"));
        Assert.Equal(["Le nom du fichier compte 121 caractères, 120 au plus : renommez-le plus court, puis envoyez-le à nouveau."],
            DocumentFileName.Problems(new string('a', 117) + ".pdf"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    public void A_file_without_a_name_is_refused(string name)
    {
        Assert.Equal(["Le fichier n'a pas de nom : donnez-lui un nom, par exemple « justificatif.pdf », puis envoyez-le à nouveau."], DocumentFileName.Problems(name));
    }

    [Theory]
    [InlineData("scan.pdf", "PDF", "scan.pdf")]
    [InlineData("photo.JPEG", "JPEG", "photo.JPEG")]
    [InlineData("scan.jpg", "PNG", "scan.png")]
    [InlineData("scan.png", "PDF", "scan.pdf")]
    [InlineData("IMG_2026", "JPEG", "IMG_2026.jpg")]
    [InlineData("releve.2026", "PDF", "releve.2026.pdf")]
    public void The_extension_follows_the_content(string name, string format, string kept)
    {
        Assert.Equal(kept, DocumentFileName.Normalized(name, FileFormat.All.Single(f => f.Name == format)));
    }

    [Fact]
    public void A_message_quotes_a_name_without_its_invisible_characters_and_cut_when_long()
    {
        Assert.Equal("facture?.pdf", DocumentFileName.Shown("facture\u0007.pdf"));
        Assert.Equal(new string('a', 60) + "…", DocumentFileName.Shown(new string('a', 80)));
    }
}
