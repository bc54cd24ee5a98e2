using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// A family's details as an agent types them, tidied («01.34.56.78.90» is kept as «01 34 56 78 90»),
/// or every problem at once in French. The shapes are the Domain's, the same the families import accepts.
/// </summary>
internal sealed record FamilyDetails(string Name, string Address, string PostalCode, string City, string Phone, string Email, bool LivesOutsideCommune)
{
    public const int MaxName = 100;
    public const int MaxAddress = 200;
    public const int MaxCity = 100;

    public static (FamilyDetails? Details, IReadOnlyList<string> Problems) Read(SaveFamilyRequest request)
    {
        var problems = new List<string>();
        var name = TextKey.Tidy(request.Name);
        if (name.Length == 0) problems.Add("Le nom de famille est obligatoire.");
        else if (name.Length > MaxName) problems.Add($"Le nom de famille ne doit pas dépasser {MaxName} caractères.");

        var address = TextKey.TidyLines(request.Address);
        if (address.Length > MaxAddress) problems.Add($"L'adresse ne doit pas dépasser {MaxAddress} caractères.");

        var postalCode = TextKey.Tidy(request.PostalCode);
        if (postalCode.Length > 0 && !ContactDetails.IsPostalCode(postalCode))
            problems.Add($"Le code postal « {postalCode} » doit compter 5 chiffres, par exemple 95000.");

        var city = TextKey.Tidy(request.City);
        if (city.Length > MaxCity) problems.Add($"La ville ne doit pas dépasser {MaxCity} caractères.");

        var phone = TextKey.Tidy(request.Phone);
        if (phone.Length > 0)
        {
            var tidy = ContactDetails.Phone(phone);
            if (tidy is null) problems.Add($"Le numéro de téléphone « {phone} » n'est pas valide : 10 chiffres, par exemple 01 34 56 78 90.");
            phone = tidy ?? phone;
        }

        var email = TextKey.Tidy(request.Email);
        if (email.Length > 0 && !ContactDetails.IsEmail(email))
            problems.Add($"L'adresse électronique « {email} » n'est pas valide (par exemple marie.martin@example.fr).");

        return problems.Count > 0
            ? (null, problems)
            : (new FamilyDetails(name, address, postalCode, city, phone, email, request.LivesOutsideCommune), problems);
    }
}
