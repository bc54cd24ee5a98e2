using CarteValoise.Cloud.Privacy;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Household;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// «Mes données»: the citizen's household as the platform holds it (adults, address, children as
/// their household sees them) and their change requests with their history and the documents sent.
/// The documents' files are the document safe's section.
/// </summary>
public sealed class HouseholdPersonalData(HouseholdDirectory directory) : IDescribedPersonalDataSection
{
    public string Name => "dossier-famille";

    public string Title => "Mon dossier famille";

    public string Description =>
        "Votre foyer tel que vous l'avez déclaré (adultes, adresse, enfants) et vos demandes de modification du dossier, "
        + "avec leurs étapes, la décision de la mairie et les pièces jointes (les fichiers sont dans « documents »).";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var household = await directory.OfAccount(citizen.AccountId);
        if (household is null) return new PersonalDataPart(new { foyer = (object?)null, demandes = Array.Empty<object>() }, []);
        var children = await directory.Children(household);
        var requests = await directory.Requests(household);
        var communes = await directory.CommuneNames();
        var data = new
        {
            foyer = new
            {
                identifiant = household.HouseholdId,
                commune = communes.GetValueOrDefault(household.CommuneCode, household.CommuneCode),
                famille_de_la_commune = household.FamilyId,
                adresse = household.Address?.ToString(),
                cree_le = household.CreatedAt,
                adultes = household.Adults.Select(a => new
                {
                    prenom = a.FirstName,
                    nom = a.LastName,
                    date_de_naissance = a.BirthDate is { } born ? WireDates.Format(born) : null,
                    lien = a.Relationship.Label(),
                    courriel = a.Email,
                    telephone = a.Phone,
                    employeur = a.Employer,
                    numero_allocataire_caf = a.CafNumber,
                    titulaire_du_compte = a.AccountId == citizen.AccountId,
                }),
                enfants = children.Select(c => new
                {
                    prenom = c.FirstName,
                    nom = c.LastName,
                    date_de_naissance = c.BirthDate is { } born ? WireDates.Format(born) : null,
                    ecole = c.School,
                    garde = c.IsShared ? c.Custody.AsSeenFrom(c.ResidesWithHouseholdId == household.HouseholdId) : null,
                }),
            },
            demandes = requests.Select(r => new
            {
                reference = r.Reference,
                type = r.Submission.Kind.Label(),
                demande = Grains.Household.DossierChangeText.Line(r.Submission),
                etat = r.State.Label(),
                deposee_le = r.Submission.SubmittedAt,
                message = r.Submission.Comment,
                historique = r.History.Select(e => new { etat = e.State.Label(), le = e.At, par = e.ByName }),
                decision = r.Decision is { } d ? new { acceptee = d.Accepted, le = d.At, par = d.AgentName, motif_du_refus = d.RefusalReason } : null,
                pieces = r.Submission.Documents.Select(doc => new { type = doc.TypeLabel, fichier = doc.FileName, envoyee_le = doc.SubmittedAt }),
            }),
        };
        return new PersonalDataPart(data, []);
    }
}
