namespace CarteValoise.Domain.Household;

/// <summary>
/// The names of the household's fields, as problems name them and as the portal's forms name their
/// inputs; and which of them a citizen changes at once, and which only through a change request that
/// the commune checks (<see cref="DossierChangeKinds"/>).
/// </summary>
public static class DossierFields
{
    public const string FirstName = "prenom";
    public const string LastName = "nom";
    public const string BirthDate = "date-naissance";
    public const string Relationship = "lien";
    public const string Email = "courriel";
    public const string Phone = "telephone";
    public const string Employer = "employeur";
    public const string CafNumber = "caf";

    public const string Street = "adresse";
    public const string PostalCode = "code-postal";
    public const string City = "ville";

    public const string ChildFirstName = "enfant-prenom";
    public const string ChildLastName = "enfant-nom";
    public const string ChildBirthDate = "enfant-date-naissance";
    public const string ChildSchool = "enfant-ecole";

    public const string CustodyChild = "enfant";
    public const string OtherParentEmail = "autre-parent";
    public const string Arrangement = "garde";

    public const string Proof = "justificatif";
    public const string Comment = "commentaire";
    public const string Commune = "commune";
    public const string Kind = "type";
    public const string RefusalReason = "motif-refus";

    /// <summary>
    /// An adult's details: the citizen tells them and they apply at once (the household's phones and
    /// emails, the employer and the CAF number for the quotient familial, who the adults are).
    /// </summary>
    public static readonly IReadOnlyList<string> AppliedAtOnce = [FirstName, LastName, BirthDate, Relationship, Email, Phone, Employer, CafNumber];

    /// <summary>Fields that change only when the commune accepts a request, and which request.</summary>
    public static readonly IReadOnlyDictionary<string, DossierChangeKind> CheckedByCommune = new Dictionary<string, DossierChangeKind>
    {
        [Street] = DossierChangeKind.Address,
        [PostalCode] = DossierChangeKind.Address,
        [City] = DossierChangeKind.Address,
        [ChildFirstName] = DossierChangeKind.NewChild,
        [ChildLastName] = DossierChangeKind.NewChild,
        [ChildBirthDate] = DossierChangeKind.NewChild,
        [ChildSchool] = DossierChangeKind.NewChild,
        [CustodyChild] = DossierChangeKind.Custody,
        [OtherParentEmail] = DossierChangeKind.Custody,
        [Arrangement] = DossierChangeKind.Custody,
    };

    public static bool IsAppliedAtOnce(string field) => AppliedAtOnce.Contains(field);
}
