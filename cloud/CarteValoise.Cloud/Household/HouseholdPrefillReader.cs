using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Households;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.Household;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// The household as a request form prefills from it, under stable keys («demandeur.nom»,
/// «adresse.code-postal», «enfant1.date-naissance»…): the démarches read this rather than the
/// household's records, so that the dossier can change shape without their forms changing. In
/// process for the cloud's own services (<see cref="ReadAsync(Caller)"/>), and over gRPC.
/// </summary>
public sealed class HouseholdPrefillReader(HouseholdDirectory directory)
{
    public async Task<HouseholdPrefill> ReadAsync(Caller citizen)
    {
        var prefill = new HouseholdPrefill();
        if (await directory.OfCitizen(citizen) is not { } household) return prefill;
        prefill.Exists = true;
        var fields = prefill.Fields;
        var communes = await directory.CommuneNames();
        Add(fields, "commune.insee", "Code INSEE de la commune de résidence", household.CommuneCode);
        Add(fields, "commune.nom", "Commune de résidence", communes.GetValueOrDefault(household.CommuneCode, ""));
        if (household.Address is { } address)
        {
            Add(fields, "adresse.voie", "Adresse (numéro et rue)", address.Street);
            Add(fields, "adresse.code-postal", "Code postal", address.PostalCode);
            Add(fields, "adresse.ville", "Ville", address.City);
        }
        var me = household.Adults.FirstOrDefault(a => a.AccountId == citizen.AccountId);
        if (me is not null) AddAdult(fields, me, "demandeur", "du demandeur");
        var others = household.Adults.Where(a => a != me).ToList();
        for (var i = 0; i < others.Count; i++) AddAdult(fields, others[i], $"adulte{i + 2}", $"de l'adulte {i + 2}");
        var children = await directory.Children(household);
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var key = $"enfant{i + 1}";
            var of = $"de l'enfant {i + 1}";
            Add(fields, $"{key}.prenom", $"Prénom {of}", child.FirstName);
            Add(fields, $"{key}.nom", $"Nom {of}", child.LastName);
            Add(fields, $"{key}.date-naissance", $"Date de naissance {of}", child.BirthDate is { } born ? WireDates.Format(born) : "");
            Add(fields, $"{key}.ecole", $"École {of}", child.School);
        }
        return prefill;
    }

    private static void AddAdult(ICollection<HouseholdPrefillField> fields, HouseholdAdultRecord adult, string key, string of)
    {
        Add(fields, $"{key}.prenom", $"Prénom {of}", adult.FirstName);
        Add(fields, $"{key}.nom", $"Nom {of}", adult.LastName);
        Add(fields, $"{key}.date-naissance", $"Date de naissance {of}", adult.BirthDate is { } born ? WireDates.Format(born) : "");
        Add(fields, $"{key}.lien", $"Lien avec les enfants {of}", adult.Relationship == AdultRelationship.Unspecified ? "" : adult.Relationship.Label());
        Add(fields, $"{key}.courriel", $"Adresse électronique {of}", adult.Email);
        Add(fields, $"{key}.telephone", $"Téléphone {of}", adult.Phone);
        Add(fields, $"{key}.employeur", $"Employeur {of}", adult.Employer);
        Add(fields, $"{key}.caf", $"Numéro d'allocataire CAF {of}", adult.CafNumber);
    }

    /// <summary>Only what is known: a form leaves the other fields for the citizen.</summary>
    private static void Add(ICollection<HouseholdPrefillField> fields, string key, string label, string value)
    {
        if (value.Length > 0) fields.Add(new HouseholdPrefillField { Key = key, Label = label, Value = value });
    }
}
