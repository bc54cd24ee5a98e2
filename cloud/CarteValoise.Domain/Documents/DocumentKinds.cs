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

    // The pieces of an urbanism file (déclaration préalable DP1 to DP8, certificat d'urbanisme):
    // drawn or taken for that file, they describe the project and do not expire.

    public static readonly DocumentKind SitePlan = new(
        "plan-situation", "Plan de situation",
        "sans limite de validité (il situe le terrain dans la commune : pièce DP1 d'une déclaration préalable, pièce d'un certificat d'urbanisme)",
        "Date du plan", "Facultative : la date à laquelle le plan a été établi, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind GroundPlan = new(
        "plan-masse", "Plan de masse",
        "sans limite de validité (il montre les constructions sur le terrain, existantes et projetées : pièce DP2)",
        "Date du plan", "Facultative : la date à laquelle le plan a été établi, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind SectionPlan = new(
        "plan-coupe", "Plan en coupe",
        "sans limite de validité (il montre le profil du terrain et de la construction : pièce DP3)",
        "Date du plan", "Facultative : la date à laquelle le plan a été établi, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind FacadesPlan = new(
        "plan-facades", "Plan des façades et des toitures",
        "sans limite de validité (il montre les façades et les toitures avant et après les travaux : pièce DP4)",
        "Date du plan", "Facultative : la date à laquelle le plan a été établi, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind LandscapeInsertion = new(
        "insertion-graphique", "Insertion graphique du projet",
        "sans limite de validité (photomontage ou dessin du projet dans son environnement : pièce DP6)",
        "Date du document", "Facultative : la date à laquelle le document a été établi, si vous la connaissez.",
        ValidityRule.NoExpiry);

    public static readonly DocumentKind SitePhotograph = new(
        "photographie", "Photographie du terrain",
        "sans limite de validité (le terrain dans son environnement proche ou dans le paysage lointain : pièces DP7 et DP8)",
        "Date de la photographie", "Facultative : le jour où la photographie a été prise, si vous le connaissez.",
        ValidityRule.NoExpiry);

    /// <summary>
    /// An insurance certificate states the period it covers: the citizen gives its end, the last
    /// day covered, so that the safe tells when it stops being valid (usually a year after it starts).
    /// </summary>
    public static readonly DocumentKind InsuranceCertificate = new(
        "attestation-assurance", "Attestation d'assurance",
        "valable jusqu'à la fin de la période de garantie écrite sur l'attestation, en général un an (responsabilité civile, assurance habitation)",
        "Fin de la période de garantie", "Le dernier jour couvert, écrit sur l'attestation (« valable jusqu'au » ou « période du … au … »).",
        ValidityRule.GivenExpiryDate);

    public static IReadOnlyList<DocumentKind> All { get; } =
        [ProofOfAddress, FamilyRecordBook, IdentityDocument, TaxNotice, FamilyAllowanceCertificate, CustodyJudgement,
         SitePlan, GroundPlan, SectionPlan, FacadesPlan, LandscapeInsertion, SitePhotograph, InsuranceCertificate];

    public static DocumentKind? Find(string? code) => All.FirstOrDefault(kind => kind.Code == code?.Trim());
}
