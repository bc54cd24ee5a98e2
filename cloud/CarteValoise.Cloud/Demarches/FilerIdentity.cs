using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// Who files a request where no account says it (at the counter, at a kiosk): a name, required, and
/// an email, optional but valid when given. Each problem is added with its form field.
/// </summary>
public static class FilerIdentity
{
    public static (string Name, string Email) Read(string rawName, string rawEmail, string nameMissing, List<DemarcheProblem> problems)
    {
        var name = TextKey.Tidy(rawName);
        if (name.Length == 0) problems.Add(new("citizen_name", nameMissing));
        var email = rawEmail.Trim();
        if (email.Length > 0 && !ContactDetails.IsEmail(email))
            problems.Add(new("citizen_email", $"L'adresse électronique « {email} » n'est pas valide (exemple : prenom.nom@exemple.fr)."));
        return (name, email);
    }
}
