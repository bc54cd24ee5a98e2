using CarteValoise.Domain.Household;

namespace CarteValoise.Domain.Tests.Household;

public sealed class DossierChangeRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData(DossierChangeKind.Address, "justificatif-domicile")]
    [InlineData(DossierChangeKind.NewChild, "livret-famille")]
    [InlineData(DossierChangeKind.Custody, "jugement-garde")]
    public void Each_checked_change_asks_for_its_piece_justificative(DossierChangeKind kind, string typeCode) =>
        Assert.Equal(typeCode, DossierChangeKinds.Of(kind).ProofTypeCode);

    [Fact]
    public void The_proof_of_address_and_the_family_record_book_are_types_the_document_safe_knows()
    {
        Assert.NotNull(CarteValoise.Domain.Documents.DocumentKinds.Find(DossierChangeKinds.ProofOfAddress));
        Assert.NotNull(CarteValoise.Domain.Documents.DocumentKinds.Find(DossierChangeKinds.FamilyRecordBook));
    }

    [Fact]
    public void An_adults_details_apply_at_once_while_address_children_and_custody_wait_for_the_commune()
    {
        Assert.Equal(["prenom", "nom", "date-naissance", "lien", "courriel", "telephone", "employeur", "caf"], DossierFields.AppliedAtOnce);
        Assert.All(DossierFields.AppliedAtOnce, field => Assert.False(DossierFields.CheckedByCommune.ContainsKey(field)));
        Assert.Equal(DossierChangeKind.Address, DossierFields.CheckedByCommune["code-postal"]);
        Assert.Equal(DossierChangeKind.NewChild, DossierFields.CheckedByCommune["enfant-date-naissance"]);
        Assert.Equal(DossierChangeKind.Custody, DossierFields.CheckedByCommune["autre-parent"]);
    }

    [Fact]
    public void A_change_without_its_document_is_refused()
    {
        Assert.Equal([new HouseholdProblem("justificatif",
            "Joignez un justificatif de domicile : choisissez-le parmi vos documents, ou ajoutez-le d'abord dans « Mes documents ».")],
            HouseholdChecks.Proof(DossierChangeKind.Address, [], Today));
        Assert.Equal([new HouseholdProblem("justificatif",
            "Le document choisi n'est pas du type « Livret de famille » : joignez votre livret de famille, ou ajoutez-le d'abord dans « Mes documents ».")],
            HouseholdChecks.Proof(DossierChangeKind.NewChild, [new ProofDocument("justificatif-domicile", Today)], Today));
    }

    [Fact]
    public void A_proof_past_its_validity_is_refused_with_the_day_it_ended()
    {
        Assert.Equal([new HouseholdProblem("justificatif",
            "Le document « Justificatif de domicile » choisi n'est plus valable depuis le jeudi 3 décembre 2026 : ajoutez-en un plus récent dans « Mes documents », puis choisissez-le.")],
            HouseholdChecks.Proof(DossierChangeKind.Address, [new ProofDocument("justificatif-domicile", Today.AddDays(-1))], Today));
        Assert.Empty(HouseholdChecks.Proof(DossierChangeKind.Address, [new ProofDocument("justificatif-domicile", Today)], Today));
        Assert.Empty(HouseholdChecks.Proof(DossierChangeKind.NewChild, [new ProofDocument("livret-famille", null)], Today));
    }

    [Fact]
    public void A_reference_reads_commune_year_and_a_six_digit_number()
    {
        Assert.Equal("DOS-95127-2026-000012", new DossierReference("95127", 2026, 12).ToString());
        Assert.True(DossierReference.TryParse(" DOS-2A004-2027-000001 ", out var corsica));
        Assert.Equal(new DossierReference("2A004", 2027, 1), corsica);
        Assert.False(DossierReference.TryParse("DOS-95127-2026-000000", out _));
        Assert.False(DossierReference.TryParse("DOS-95127-2026-12", out _));
        Assert.False(DossierReference.TryParse("../DOS-95127-2026-000012", out _));
    }

    [Fact]
    public void A_refusal_needs_its_reason()
    {
        Assert.Equal([new HouseholdProblem("motif-refus", "Indiquez le motif du refus : il est envoyé au demandeur, qui pourra corriger sa demande.")],
            DossierDecisions.RefusalReason("  \n "));
        Assert.Empty(DossierDecisions.RefusalReason("Le justificatif est au nom d'une autre personne."));
    }

    [Fact]
    public void Who_comes_second_is_told_who_decided_and_when_in_Paris_time() =>
        Assert.Equal("Cette demande a déjà été traitée par Agent de Cergy le jeudi 3 décembre 2026 à 12:30 (acceptée).",
            DossierDecisions.AlreadyDecided("Agent de Cergy", new DateTimeOffset(2026, 12, 3, 11, 30, 0, TimeSpan.Zero), DossierChangeState.Accepted));

    [Fact]
    public void A_shared_child_is_described_without_naming_either_household()
    {
        Assert.Equal("Garde alternée avec un autre foyer", CustodyArrangement.Alternating.AsSeenFrom(childResidesHere: false));
        Assert.Equal("Résidence habituelle dans votre foyer, partagé avec un autre foyer", CustodyArrangement.ResidesWithApplicant.AsSeenFrom(childResidesHere: true));
        Assert.Equal("Résidence habituelle dans un autre foyer", CustodyArrangement.ResidesWithApplicant.AsSeenFrom(childResidesHere: false));
    }
}
