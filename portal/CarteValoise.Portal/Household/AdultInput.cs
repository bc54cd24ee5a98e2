using CarteValoise.Contracts.Households;

namespace CarteValoise.Portal.Household;

/// <summary>
/// An adult's fields as a form posts them (and shows them again, as typed, when the cloud refuses
/// them). The input names are the cloud's field names, so that each problem finds its field.
/// </summary>
public sealed record AdultInput(
    string FirstName,
    string LastName,
    string BirthDate,
    string Relationship,
    string Email,
    string Phone,
    string Employer,
    string CafNumber)
{
    public const string FirstNameField = "prenom";
    public const string LastNameField = "nom";
    public const string BirthDateField = "date-naissance";
    public const string RelationshipField = "lien";
    public const string EmailField = "courriel";
    public const string PhoneField = "telephone";
    public const string EmployerField = "employeur";
    public const string CafField = "caf";

    public static readonly AdultInput Empty = new("", "", "", "", "", "", "", "");

    /// <summary>The relationships a form offers, as the contract names them, with the words the citizen reads.</summary>
    public static readonly IReadOnlyList<(HouseholdRelationship Value, string Label)> Relationships =
    [
        (HouseholdRelationship.Parent, "Parent"),
        (HouseholdRelationship.Partner, "Conjoint ou conjointe du parent"),
        (HouseholdRelationship.Guardian, "Tuteur ou tutrice légal(e)"),
        (HouseholdRelationship.Other, "Autre"),
    ];

    public static AdultInput From(IFormCollection form) => new(
        form[FirstNameField].ToString(), form[LastNameField].ToString(), form[BirthDateField].ToString(), form[RelationshipField].ToString(),
        form[EmailField].ToString(), form[PhoneField].ToString(), form[EmployerField].ToString(), form[CafField].ToString());

    public static AdultInput Of(HouseholdAdult adult) => new(
        adult.FirstName, adult.LastName, adult.BirthDate,
        adult.Relationship == HouseholdRelationship.Unspecified ? "" : adult.Relationship.ToString(),
        adult.Email, adult.Phone, adult.Employer, adult.CafNumber);

    public HouseholdAdult ToWire() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        BirthDate = DossierWording.WireDay(BirthDate),
        Relationship = Enum.TryParse<HouseholdRelationship>(Relationship, out var relationship) && Enum.IsDefined(relationship)
            ? relationship : HouseholdRelationship.Unspecified,
        Email = Email,
        Phone = Phone,
        Employer = Employer,
        CafNumber = CafNumber,
    };
}

/// <summary>What the adult fields partial draws: the values, and the page's errors.</summary>
public sealed record AdultFieldsView(AdultInput Values, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary State);
