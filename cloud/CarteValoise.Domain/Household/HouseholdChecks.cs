using System.Globalization;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Domain.Household;

/// <summary>
/// Whether what a citizen enters about their household can be kept: every problem at once, each with
/// its field and a French sentence saying what to type instead. Days are compared with
/// <c>today</c> in Paris, handed in by the caller.
/// </summary>
public static class HouseholdChecks
{
    public const int MaxName = 80;
    public const int MaxStreet = 200;
    public const int MaxCity = 80;
    public const int MaxEmployer = 120;
    public const int MaxSchool = 120;
    public const int MaxComment = 1000;

    /// <summary>Nobody in a household is born before this day: a date before it is a typing slip.</summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    public static Checked<AdultDetails> Adult(AdultForm form, DateOnly today)
    {
        var problems = new List<HouseholdProblem>();
        var firstName = Name(form.FirstName, DossierFields.FirstName, "le prénom", problems);
        var lastName = Name(form.LastName, DossierFields.LastName, "le nom", problems);
        var birthDate = BirthDate(form.BirthDate, DossierFields.BirthDate, today, problems);
        if (!AdultRelationships.Choices.Contains(form.Relationship))
            problems.Add(new(DossierFields.Relationship, "Indiquez le lien avec les enfants du foyer : parent, conjoint ou conjointe du parent, tuteur ou tutrice, ou autre."));

        var email = TextKey.Tidy(form.Email).ToLowerInvariant();
        if (email.Length > 0 && !ContactDetails.IsEmail(email))
            problems.Add(new(DossierFields.Email, $"L'adresse électronique « {TextKey.Tidy(form.Email)} » n'est pas valide : par exemple marie.martin@exemple.fr."));

        var phone = TextKey.Tidy(form.Phone);
        if (phone.Length > 0)
        {
            var tidy = ContactDetails.Phone(phone);
            if (tidy is null) problems.Add(new(DossierFields.Phone, $"Le numéro de téléphone « {phone} » n'est pas valide : 10 chiffres, par exemple 06 12 34 56 78."));
            phone = tidy ?? phone;
        }

        var employer = TextKey.Tidy(form.Employer);
        if (employer.Length > MaxEmployer)
            problems.Add(new(DossierFields.Employer, $"Le nom de l'employeur ne doit pas dépasser {MaxEmployer} caractères."));

        var caf = CafNumber.Normalize(form.CafNumber);
        if (caf is null) problems.Add(new(DossierFields.CafNumber, CafNumber.Problem(form.CafNumber ?? "")));

        return problems.Count > 0 || birthDate is null
            ? new(null, problems)
            : new(new AdultDetails(firstName, lastName, birthDate.Value, form.Relationship, email, phone, employer, caf!), problems);
    }

    public static Checked<HomeAddress> Address(AddressForm form)
    {
        var problems = new List<HouseholdProblem>();
        var street = TextKey.Tidy(form.Street);
        if (street.Length == 0)
            problems.Add(new(DossierFields.Street, "Indiquez le numéro et la rue, par exemple 12 rue des Écoles."));
        else if (street.Length > MaxStreet)
            problems.Add(new(DossierFields.Street, $"L'adresse ne doit pas dépasser {MaxStreet} caractères."));
        else if (!street.Any(char.IsLetter))
            problems.Add(new(DossierFields.Street, $"« {street} » n'est pas une adresse : indiquez le numéro et la rue, par exemple 12 rue des Écoles."));

        var postalCode = TextKey.Tidy(form.PostalCode).Replace(" ", "", StringComparison.Ordinal);
        if (postalCode.Length == 0)
            problems.Add(new(DossierFields.PostalCode, "Indiquez le code postal, par exemple 95000."));
        else if (!ContactDetails.IsPostalCode(postalCode))
            problems.Add(new(DossierFields.PostalCode, $"Le code postal « {TextKey.Tidy(form.PostalCode)} » doit compter 5 chiffres, par exemple 95000."));

        var city = TextKey.Tidy(form.City);
        if (city.Length == 0)
            problems.Add(new(DossierFields.City, "Indiquez la commune, par exemple Cergy."));
        else if (city.Length > MaxCity)
            problems.Add(new(DossierFields.City, $"Le nom de la commune ne doit pas dépasser {MaxCity} caractères."));

        return problems.Count > 0 ? new(null, problems) : new(new HomeAddress(street, postalCode, city), problems);
    }

    public static Checked<ChildIdentity> Child(ChildForm form, DateOnly today)
    {
        var problems = new List<HouseholdProblem>();
        var firstName = Name(form.FirstName, DossierFields.ChildFirstName, "le prénom de l'enfant", problems);
        var lastName = Name(form.LastName, DossierFields.ChildLastName, "le nom de l'enfant", problems);
        var birthDate = BirthDate(form.BirthDate, DossierFields.ChildBirthDate, today, problems);
        var school = TextKey.Tidy(form.School);
        if (school.Length > MaxSchool)
            problems.Add(new(DossierFields.ChildSchool, $"Le nom de l'école ne doit pas dépasser {MaxSchool} caractères."));
        return problems.Count > 0 || birthDate is null
            ? new(null, problems)
            : new(new ChildIdentity(firstName, lastName, birthDate.Value, school), problems);
    }

    /// <param name="householdChildIds">The children of the applicant's household: only one of them can be shared.</param>
    /// <param name="applicantEmails">The applicant's own addresses: the other parent is someone else.</param>
    public static Checked<CustodyDetails> Custody(CustodyForm form, IReadOnlyCollection<string> householdChildIds, IReadOnlyCollection<string> applicantEmails)
    {
        var problems = new List<HouseholdProblem>();
        var childId = (form.ChildId ?? "").Trim();
        if (childId.Length == 0 || !householdChildIds.Contains(childId))
            problems.Add(new(DossierFields.CustodyChild, householdChildIds.Count == 0
                ? "Votre dossier ne compte encore aucun enfant : ajoutez d'abord l'enfant (demande « Ajout d'un enfant »)."
                : "Choisissez l'enfant dont la garde est partagée."));

        var email = TextKey.Tidy(form.OtherParentEmail).ToLowerInvariant();
        if (email.Length == 0)
            problems.Add(new(DossierFields.OtherParentEmail, "Indiquez l'adresse électronique du compte CarteValoise de l'autre parent."));
        else if (!ContactDetails.IsEmail(email))
            problems.Add(new(DossierFields.OtherParentEmail, $"L'adresse électronique « {TextKey.Tidy(form.OtherParentEmail)} » n'est pas valide : par exemple marie.martin@exemple.fr."));
        else if (applicantEmails.Any(mine => string.Equals(mine, email, StringComparison.OrdinalIgnoreCase)))
            problems.Add(new(DossierFields.OtherParentEmail, "Cette adresse est la vôtre : indiquez celle du compte de l'autre parent."));

        if (!CustodyArrangements.Choices.Contains(form.Arrangement))
            problems.Add(new(DossierFields.Arrangement, "Indiquez le mode de garde fixé par le jugement ou la convention."));

        return problems.Count > 0 ? new(null, problems) : new(new CustodyDetails(childId, email, form.Arrangement), problems);
    }

    /// <summary>
    /// A checked change needs its pièce justificative: at least one of the documents chosen is of the
    /// type the change asks for (<see cref="DossierChangeKinds"/>) and still valid today.
    /// </summary>
    public static IReadOnlyList<HouseholdProblem> Proof(DossierChangeKind kind, IReadOnlyCollection<ProofDocument> documents, DateOnly today)
    {
        var required = DossierChangeKinds.Of(kind);
        var ofType = documents.Where(d => d.TypeCode == required.ProofTypeCode).ToList();
        if (ofType.Any(d => d.ValidUntil is null || d.ValidUntil >= today)) return [];
        string message;
        if (documents.Count == 0)
            message = $"Joignez {required.ProofAsked} : choisissez-le parmi vos documents, ou ajoutez-le d'abord dans « Mes documents ».";
        else if (ofType.Count == 0)
            message = $"Le document choisi n'est pas du type « {required.ProofLabel} » : joignez {required.ProofAsked}, ou ajoutez-le d'abord dans « Mes documents ».";
        else
            message = $"Le document « {required.ProofLabel} » choisi n'est plus valable depuis le {FrenchText.Day(ofType.Max(d => d.ValidUntil!.Value).AddDays(1))} : "
                + "ajoutez-en un plus récent dans « Mes documents », puis choisissez-le.";
        return [new(DossierFields.Proof, message)];
    }

    public static IReadOnlyList<HouseholdProblem> Comment(string? comment) =>
        TextKey.TidyLines(comment).Length > MaxComment
            ? [new(DossierFields.Comment, $"Le message à la mairie ne doit pas dépasser {MaxComment} caractères.")]
            : [];

    private static string Name(string? typed, string field, string what, List<HouseholdProblem> problems)
    {
        var name = TextKey.Tidy(typed);
        if (name.Length == 0) problems.Add(new(field, $"Indiquez {what}."));
        else if (name.Length > MaxName) problems.Add(new(field, $"{Capital(what)} ne doit pas dépasser {MaxName} caractères."));
        else if (!name.Any(char.IsLetter) || name.Any(c => !(char.IsLetter(c) || c is ' ' or '-' or '\'' or '’' or '.')))
            problems.Add(new(field, $"{Capital(what)} « {name} » ne peut contenir que des lettres, des espaces, des traits d'union et des apostrophes."));
        return name;
    }

    private static DateOnly? BirthDate(string? typed, string field, DateOnly today, List<HouseholdProblem> problems)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0)
        {
            problems.Add(new(field, "Indiquez la date de naissance, par exemple 14/07/2015."));
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add(new(field, $"« {text} » n'est pas une date de naissance : choisissez un jour, par exemple 14/07/2015."));
            return null;
        }
        if (day > today)
        {
            problems.Add(new(field, $"La date de naissance ne peut pas être après aujourd'hui : le {FrenchText.Day(day)} n'est pas encore arrivé."));
            return null;
        }
        if (day < EarliestBirth)
        {
            problems.Add(new(field, $"La date de naissance ne peut pas être avant le {FrenchText.Day(EarliestBirth)} : vérifiez l'année."));
            return null;
        }
        return day;
    }

    private static string Capital(string what) => char.ToUpper(what[0], CultureInfo.InvariantCulture) + what[1..];
}
