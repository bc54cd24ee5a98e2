using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// A child's enrolment as an agent types it, or every problem at once in French: names, a birth
/// date a schoolchild can have, a school of the family's commune, and standing days on which the
/// commune runs each service in that school.
/// </summary>
internal sealed record ChildDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string SchoolId,
    string Class,
    bool AllergyPlan,
    bool PaiHomeMeal,
    IReadOnlyList<StandingReservation> Standing)
{
    public const int MaxName = 60;
    public const int MaxClass = 20;
    /// <summary>Past this age a birth date is a parent's typed in the child's place.</summary>
    public const int MaxAge = 18;

    public static (ChildDetails? Details, IReadOnlyList<string> Problems) Read(
        SaveChildRequest request, DateOnly today, IReadOnlyList<SchoolRef> schools, CanteenRules? rules)
    {
        var problems = new List<string>();
        var firstName = Name(request.FirstName, "Le prénom de l'enfant", problems);
        var lastName = Name(request.LastName, "Le nom de l'enfant", problems);

        DateOnly birth = default;
        if (string.IsNullOrWhiteSpace(request.BirthDate)) problems.Add("La date de naissance est obligatoire.");
        else if (!WireDates.TryParse(request.BirthDate.Trim(), out birth)) problems.Add($"Date de naissance « {request.BirthDate} » invalide : attendu AAAA-MM-JJ.");
        else if (birth > today) problems.Add($"La date de naissance {Date(birth)} est après aujourd'hui ({Date(today)}).");
        else if (Age(birth, today) is var age and >= MaxAge)
            problems.Add($"Né(e) le {Date(birth)}, l'enfant aurait {age} ans : vérifiez la date de naissance.");

        var school = schools.FirstOrDefault(s => s.SchoolId == request.SchoolId.Trim());
        if (string.IsNullOrWhiteSpace(request.SchoolId)) problems.Add("Choisissez l'école de l'enfant.");
        else if (school is null) problems.Add($"L'école « {request.SchoolId.Trim()} » n'est pas une école de la commune de la famille.");

        var @class = TextKey.Tidy(request.Class);
        if (@class.Length > MaxClass) problems.Add($"La classe ne doit pas dépasser {MaxClass} caractères.");

        if (request.PaiHomeMeal && !request.AllergyPlan)
            problems.Add("Le panier repas ne s'applique qu'à un enfant qui a un PAI (projet d'accueil individualisé).");

        var standing = ReadStanding(request, school, rules, problems);
        return problems.Count > 0
            ? (null, problems)
            : (new ChildDetails(firstName, lastName, birth, school!.SchoolId, @class, request.AllergyPlan, request.PaiHomeMeal, standing), problems);
    }

    private static List<StandingReservation> ReadStanding(SaveChildRequest request, SchoolRef? school, CanteenRules? rules, List<string> problems)
    {
        var standing = new List<StandingReservation>();
        foreach (var entry in request.Standing)
        {
            if (entry.Service.ToDomainOrNull() is not { } service)
            {
                problems.Add(ServiceKinds.Problem(entry.Service));
                continue;
            }
            var label = service.Label();
            if (standing.Any(s => s.Service == service))
            {
                problems.Add($"{label} : les jours sont donnés deux fois.");
                continue;
            }
            if (entry.Days.Any(d => d is < 0 or > 6))
            {
                problems.Add($"{label} : un jour doit être compris entre 0 (dimanche) et 6 (samedi).");
                continue;
            }
            var days = entry.Days.Distinct().Select(d => (DayOfWeek)d).OrderBy(d => ((int)d + 6) % 7).ToList();
            if (days.Count == 0) continue;
            if (rules is not null && school is not null)
            {
                if (!rules.Services.Contains(service))
                {
                    problems.Add($"{label} : la commune ne propose pas ce service.");
                    continue;
                }
                if (!rules.Offers(service, school.SchoolId))
                {
                    problems.Add($"{label} : ce service n'est pas proposé à « {school.Name} ».");
                    continue;
                }
                var runs = rules.BookingFor(service).Schedule.Days;
                var closed = days.Where(d => !runs.Contains(d)).Select(FrenchText.Weekday).ToList();
                if (closed.Count > 0)
                {
                    problems.Add($"{label} : ce service ne fonctionne pas le {string.Join(" ni le ", closed)}.");
                    continue;
                }
            }
            standing.Add(new StandingReservation(service, days));
        }
        return standing;
    }

    private static string Name(string text, string what, List<string> problems)
    {
        var name = TextKey.Tidy(text);
        if (name.Length == 0) problems.Add($"{what} est obligatoire.");
        else if (name.Length > MaxName) problems.Add($"{what} ne doit pas dépasser {MaxName} caractères.");
        return name;
    }

    private static int Age(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
