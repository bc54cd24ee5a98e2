using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Documents;

public sealed class DocumentUploadTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly DocumentLimits Limits = new(MaxFileBytes: 10 * ByteSize.Megabyte, QuotaBytes: 100 * ByteSize.Megabyte);

    private static UploadVerdict Check(string type, string name, string date, byte[] content, long used = 0, long? size = null) =>
        DocumentUpload.Check(new UploadRequest(type, name, date), content, size ?? content.Length, Limits, used, Today);

    [Fact]
    public void A_pdf_justificatif_de_domicile_is_accepted_with_its_dates()
    {
        var verdict = Check("justificatif-domicile", "quittance-novembre.pdf", "2026-11-05", SampleFiles.Pdf());

        Assert.Empty(verdict.Problems);
        Assert.Equal(new AcceptedUpload(DocumentKinds.ProofOfAddress, "quittance-novembre.pdf", FileFormat.Pdf, new DateOnly(2026, 11, 5), new DateOnly(2027, 2, 4)),
            verdict.Accepted);
    }

    [Fact]
    public void A_photo_of_a_piece_d_identite_keeps_its_expiry_date_and_takes_the_extension_of_its_content()
    {
        var verdict = Check("piece-identite", "carte recto.jpg", "2031-05-12", SampleFiles.Png());

        Assert.Equal(new AcceptedUpload(DocumentKinds.IdentityDocument, "carte recto.png", FileFormat.Png, null, new DateOnly(2031, 5, 12)), verdict.Accepted);
    }

    [Fact]
    public void A_livret_de_famille_needs_no_date()
    {
        var verdict = Check("livret-famille", "livret.jpg", "", SampleFiles.Jpeg());

        Assert.Equal(new AcceptedUpload(DocumentKinds.FamilyRecordBook, "livret.jpg", FileFormat.Jpeg, null, null), verdict.Accepted);
    }

    [Fact]
    public void An_executable_renamed_pdf_is_refused_whatever_its_name()
    {
        var verdict = Check("justificatif-domicile", "facture.pdf", "2026-11-05", SampleFiles.WindowsProgram());

        Assert.Null(verdict.Accepted);
        Assert.Equal([new UploadProblem(UploadField.File,
            "« facture.pdf » est un programme exécutable, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.")],
            verdict.Problems);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_reading_its_content()
    {
        var verdict = Check("justificatif-domicile", "scan.pdf", "2026-11-05", SampleFiles.Pdf(), size: 10 * ByteSize.Megabyte + 1);

        Assert.Equal([new UploadProblem(UploadField.File,
            "Le fichier « scan.pdf » dépasse 10 Mo, la taille maximale d'un document : réduisez-le (une photo en qualité moyenne ou un scan à 150 points par pouce suffit), puis envoyez-le à nouveau.")],
            verdict.Problems);
    }

    [Fact]
    public void A_file_that_does_not_fit_in_the_safe_is_refused_with_what_is_used()
    {
        var pdf = SampleFiles.Pdf();
        var verdict = Check("justificatif-domicile", "scan.pdf", "2026-11-05", pdf, used: 100 * ByteSize.Megabyte - 100);

        Assert.Equal([new UploadProblem(UploadField.File,
            $"Ce document ({pdf.Length} octets) ne tient pas dans votre espace : 100 Mo sont déjà utilisés sur 100 Mo. Supprimez des documents dont vous n'avez plus besoin, puis envoyez-le à nouveau.")],
            verdict.Problems);
        Assert.Empty(Check("justificatif-domicile", "scan.pdf", "2026-11-05", pdf, used: 100 * ByteSize.Megabyte - pdf.Length).Problems);
    }

    [Fact]
    public void Every_problem_is_given_at_once_each_with_its_field()
    {
        var verdict = Check("permis", "../../etc/passwd.pdf", "2026-11-05", SampleFiles.ShellScript());

        Assert.Equal(
        [
            new UploadProblem(UploadField.Type, "Le type de document « permis » n'existe pas : choisissez-en un dans la liste."),
            new UploadProblem(UploadField.File, "Le nom « ../../etc/passwd.pdf » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf »."),
            new UploadProblem(UploadField.File, "« ../../etc/passwd.pdf » est un script, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG."),
        ], verdict.Problems);
    }

    [Theory]
    [InlineData("justificatif-domicile", "", "Indiquez la date du justificatif.")]
    [InlineData("attestation-caf", "2026-12-04", "La date de l'attestation (4 décembre 2026) est dans le futur : indiquez la date écrite sur le document.")]
    [InlineData("avis-imposition", "31/02/2026", "La date d'établissement de l'avis « 31/02/2026 » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple 04/03/2026.")]
    [InlineData("piece-identite", "2045-01-01", "La date d'expiration de la pièce (1er janvier 2045) est à plus de 15 ans : vérifiez-la.")]
    [InlineData("piece-identite", "", "Indiquez la date d'expiration de la pièce.")]
    [InlineData("livret-famille", "1850-01-01", "La date de délivrance du livret (1er janvier 1850) n'est pas plausible : vérifiez-la.")]
    public void The_date_is_read_as_its_type_reads_it(string type, string date, string problem)
    {
        Assert.Equal([new UploadProblem(UploadField.Date, problem)], Check(type, "document.pdf", date, SampleFiles.Pdf()).Problems);
    }

    [Fact]
    public void An_expired_piece_d_identite_is_still_accepted_and_will_show_as_expired()
    {
        Assert.NotNull(Check("piece-identite", "cni.pdf", "2025-01-31", SampleFiles.Pdf()).Accepted);
    }

    [Fact]
    public void No_type_chosen_is_said_as_such()
    {
        Assert.Equal([new UploadProblem(UploadField.Type, "Choisissez le type de document.")], Check(" ", "cni.pdf", "2026-01-31", SampleFiles.Pdf()).Problems);
    }

    [Theory]
    [InlineData(820, "820 octets")]
    [InlineData(1, "1 octet")]
    [InlineData(12 * 1024 - 5, "12 Ko")]
    [InlineData(1536 * 1024, "1,5 Mo")]
    [InlineData(100L * 1024 * 1024, "100 Mo")]
    public void Sizes_read_in_french(long bytes, string text) => Assert.Equal(text, ByteSize.French(bytes));
}
