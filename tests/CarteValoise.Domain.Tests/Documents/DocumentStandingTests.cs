using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Documents;

public sealed class DocumentStandingTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void A_justificatif_de_domicile_is_valid_three_months_from_its_date()
    {
        var kind = DocumentKinds.ProofOfAddress;

        Assert.Equal(new DateOnly(2026, 6, 3), kind.ValidUntil(new DateOnly(2026, 3, 4)));
        Assert.Equal(new DocumentStanding(DocumentStatus.Valid, "valable jusqu'au 28 février 2027"), DocumentStanding.On(kind.ValidUntil(new DateOnly(2026, 12, 1)), Today));
        // Dated four months ago: expired a month ago.
        Assert.Equal(new DocumentStanding(DocumentStatus.Expired, "expiré depuis le 3 novembre 2026"), DocumentStanding.On(kind.ValidUntil(new DateOnly(2026, 8, 3)), Today));
    }

    [Fact]
    public void An_attestation_caf_is_valid_three_months_too()
    {
        var kind = DocumentKinds.FamilyAllowanceCertificate;

        Assert.Equal(new DateOnly(2026, 12, 19), kind.ValidUntil(new DateOnly(2026, 9, 20)));
        Assert.Equal(new DocumentStanding(DocumentStatus.Expiring, "expire dans 17 jours (valable jusqu'au 19 décembre 2026)"),
            DocumentStanding.On(kind.ValidUntil(new DateOnly(2026, 9, 20)), Today));
    }

    [Fact]
    public void An_avis_d_imposition_is_valid_until_the_end_of_the_year_after_its_own()
    {
        var kind = DocumentKinds.TaxNotice;

        Assert.Equal(new DateOnly(2026, 12, 31), kind.ValidUntil(new DateOnly(2025, 8, 28)));
        Assert.Equal(new DateOnly(2026, 12, 31), kind.ValidUntil(new DateOnly(2025, 1, 2)));
        Assert.Contains("jusqu'au 31 décembre de l'année qui suit celle de l'avis", kind.ValidityText);
        Assert.Equal(new DocumentStanding(DocumentStatus.Expiring, "expire dans 29 jours (valable jusqu'au 31 décembre 2026)"),
            DocumentStanding.On(kind.ValidUntil(new DateOnly(2025, 8, 28)), Today));
    }

    [Fact]
    public void A_piece_d_identite_is_valid_until_the_expiry_date_the_citizen_gives()
    {
        var kind = DocumentKinds.IdentityDocument;

        Assert.True(kind.AsksExpiryDate);
        Assert.Equal(new DateOnly(2031, 5, 12), kind.ValidUntil(new DateOnly(2031, 5, 12)));
        Assert.Null(kind.IssuedOn(new DateOnly(2031, 5, 12)));
        Assert.Equal(new DocumentStanding(DocumentStatus.Valid, "valable jusqu'au 12 mai 2031"), DocumentStanding.On(new DateOnly(2031, 5, 12), Today));
    }

    [Fact]
    public void A_livret_de_famille_never_expires_and_needs_no_date()
    {
        var kind = DocumentKinds.FamilyRecordBook;

        Assert.False(kind.DateRequired);
        Assert.Null(kind.ValidUntil(new DateOnly(2012, 6, 1)));
        Assert.Null(kind.ValidUntil(null));
        Assert.Equal(new DocumentStanding(DocumentStatus.Valid, "valable sans limite de durée"), DocumentStanding.On(null, Today));
    }

    [Theory]
    [InlineData("2027-01-03", DocumentStatus.Valid, "valable jusqu'au 3 janvier 2027")]      // 32 days before it stops being valid
    [InlineData("2027-01-01", DocumentStatus.Expiring, "expire dans 30 jours (valable jusqu'au 1er janvier 2027)")]
    [InlineData("2026-12-03", DocumentStatus.Expiring, "expire demain (valable jusqu'au 3 décembre 2026)")] // today is its last day
    [InlineData("2026-12-02", DocumentStatus.Expired, "expiré depuis le 3 décembre 2026")]
    public void Expiring_means_thirty_days_or_less_before_it_stops_being_valid(string lastValidDay, DocumentStatus status, string text)
    {
        Assert.Equal(new DocumentStanding(status, text), DocumentStanding.On(DateOnly.Parse(lastValidDay, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void Every_kind_has_a_code_a_label_a_validity_and_a_date_label()
    {
        Assert.Equal(["justificatif-domicile", "livret-famille", "piece-identite", "avis-imposition", "attestation-caf", "jugement-garde",
            "plan-situation", "plan-masse", "plan-coupe", "plan-facades", "insertion-graphique", "photographie", "attestation-assurance"], DocumentKinds.All.Select(k => k.Code));
        Assert.All(DocumentKinds.All, kind => Assert.False(string.IsNullOrWhiteSpace(kind.Label + kind.ValidityText + kind.DateLabel + kind.DateHint)));
        Assert.Same(DocumentKinds.TaxNotice, DocumentKinds.Find(" avis-imposition "));
        Assert.Null(DocumentKinds.Find("permis-de-conduire"));
    }
}
