namespace CarteValoise.Domain.Documents;

/// <summary>The kinds of document the safe knows, in the order the upload form lists them.</summary>
public static class DocumentKinds
{
    public static readonly DocumentKind ProofOfAddress = new(
        "justificatif-domicile", "Justificatif de domicile",
        "valable 3 mois à compter de sa date (facture d'énergie, d'eau ou de téléphone fixe, quittance de loyer, attestation d'assurance habitation)",
        "Date du justificatif", "La date écrite sur la facture ou la quittance.",
        ValidityRule.ThreeMonths);

    public static readonly DocumentKind FamilyRecordBook = new(
        "livret-famille", "Livret de famille",
        "sans limite de validité",
        "Date de délivrance du livret", "Facultative : la date de délivrance écrite sur la première page, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind IdentityDocument = new(
        "piece-identite", "Pièce d'identité",
        "valable jusqu'à sa date d'expiration, que vous indiquez (carte nationale d'identité, passeport ou titre de séjour)",
        "Date d'expiration de la pièce", "La date « valable jusqu'au » écrite sur la carte ou le passeport.",
        ValidityRule.GivenExpiryDate);

    public static readonly DocumentKind TaxNotice = new(
        "avis-imposition", "Avis d'imposition",
        "valable jusqu'au 31 décembre de l'année qui suit celle de l'avis (un avis établi en 2025 vaut jusqu'au 31 décembre 2026)",
        "Date d'établissement de l'avis", "La « date d'établissement » écrite en haut de la première page de l'avis.",
        ValidityRule.EndOfFollowingYear);

    public static readonly DocumentKind FamilyAllowanceCertificate = new(
        "attestation-caf", "Attestation CAF",
        "valable 3 mois à compter de sa date (attestation de paiement ou de quotient familial)",
        "Date de l'attestation", "La date à laquelle l'attestation a été éditée, écrite sur celle-ci.",
        ValidityRule.ThreeMonths);

    /// <summary>The proof a custody change needs (household dossier): a judgement or a homologated agreement does not expire.</summary>
    public static readonly DocumentKind CustodyJudgement = new(
        "jugement-garde", "Jugement ou convention de garde",
        "sans limite de validité, tant qu'un nouveau jugement ne le remplace pas",
        "Date du jugement ou de la convention", "La date écrite sur le jugement, ou celle de l'homologation de la convention.",
        ValidityRule.NoExpiry);

    public static IReadOnlyList<DocumentKind> All { get; } =
        [ProofOfAddress, FamilyRecordBook, IdentityDocument, TaxNotice, FamilyAllowanceCertificate, CustodyJudgement];

    public static DocumentKind? Find(string? code) => All.FirstOrDefault(kind => kind.Code == code?.Trim());
}
