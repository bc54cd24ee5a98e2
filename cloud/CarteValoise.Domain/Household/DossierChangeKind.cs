using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Household;

/// <summary>The changes of a household that the commune checks against a pièce justificative before they apply.</summary>
public enum DossierChangeKind
{
    Unspecified = 0,
    Address = 1,
    NewChild = 2,
    Custody = 3,
}

/// <summary>What a checked change is called, and the pièce justificative it needs (a document type of the safe).</summary>
/// <param name="ProofAsked">The proof as a sentence asks for it: «un justificatif de domicile», «votre livret de famille».</param>
public sealed record DossierChangeDefinition(DossierChangeKind Kind, string Label, string ProofTypeCode, string ProofLabel, string ProofHint, string ProofAsked);

public static class DossierChangeKinds
{
    /// <summary>The document safe's type codes (Documents.ListDocumentTypes), the safe's own where it has one.</summary>
    public static readonly string ProofOfAddress = DocumentKinds.ProofOfAddress.Code;
    public static readonly string FamilyRecordBook = DocumentKinds.FamilyRecordBook.Code;
    /// <summary>A judgement of the juge aux affaires familiales, or an approved agreement, setting the child's residence.</summary>
    public const string CustodyJudgement = "jugement-garde";

    public static readonly IReadOnlyList<DossierChangeDefinition> All =
    [
        new(DossierChangeKind.Address, "Changement d'adresse", ProofOfAddress, "Justificatif de domicile",
            "Une facture d'électricité, de gaz, d'eau ou de téléphone fixe, une quittance de loyer ou un avis d'imposition, de moins de 3 mois, à la nouvelle adresse.",
            "un justificatif de domicile"),
        new(DossierChangeKind.NewChild, "Ajout d'un enfant", FamilyRecordBook, "Livret de famille",
            "Les pages du livret de famille où figurent les parents et l'enfant.",
            "votre livret de famille"),
        new(DossierChangeKind.Custody, "Garde d'un enfant partagée avec l'autre parent", CustodyJudgement, "Jugement ou convention de garde",
            "Le jugement du juge aux affaires familiales ou la convention homologuée qui fixe la résidence de l'enfant.",
            "le jugement ou la convention de garde"),
    ];

    public static DossierChangeDefinition Of(DossierChangeKind kind) =>
        All.FirstOrDefault(d => d.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a change the commune checks.");

    public static string Label(this DossierChangeKind kind) => All.FirstOrDefault(d => d.Kind == kind)?.Label ?? "Modification du dossier";
}
