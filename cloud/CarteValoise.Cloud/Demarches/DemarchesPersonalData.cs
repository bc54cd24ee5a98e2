using CarteValoise.Cloud.Privacy;
using CarteValoise.Domain.Access;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// «Mes données»: the citizen's démarches as the platform holds them: each request with its answers
/// as read, its documents, its timeline (the agents' internal notes left out: they are the
/// commune's working notes, not data given by or sent to the citizen) and the documents produced,
/// and each draft with its answers. The documents' files are the document safe's section.
/// </summary>
public sealed class DemarchesPersonalData(IGrainFactory grains, DemarcheDefinitions definitions, RequestDetails details) : IDescribedPersonalDataSection
{
    public string Name => "demarches";

    public string Title => "Mes démarches";

    public string Description =>
        "Vos demandes aux mairies (réponses, pièces jointes, étapes, messages échangés, décisions et documents produits) "
        + "et vos brouillons de demande (les fichiers des pièces sont dans « documents »).";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var mine = grains.GetGrain<ICitizenDemarchesGrain>(citizen.AccountId);
        var requests = new List<object>();
        foreach (var line in (await mine.Requests()).OrderBy(l => l.SubmittedAt))
        {
            if (await grains.GetGrain<IDemarcheRequestGrain>(line.Reference).Get() is not { } view) continue;
            var definition = await definitions.Of(view.Submission);
            var sections = await details.Sections(view, definition);
            requests.Add(new
            {
                reference = view.Reference,
                commune = await details.CommuneName(view.Submission.CommuneCode),
                demarche = view.Submission.Title,
                version_de_la_demarche = view.Submission.Version,
                deposee_le = view.Submission.SubmittedAt,
                canal = DemarcheWire.ChannelWords(view.Submission.Channel),
                saisie_par = view.Submission.EnteredByAgentName,
                demandeur = view.Submission.CitizenName,
                courriel = view.Submission.CitizenEmail,
                etat = definition.Workflow.State(view.StateId)?.Label ?? view.StateId,
                decision = view.DecidedAt is { } decided ? new { le = decided, par = view.DecidedBy, motif = view.DecisionReason } : null,
                reponses = sections.Select(s => new { page = s.PageTitle, champs = s.Rows.Select(r => new { question = r.Label, reponse = r.Value }) }),
                reponses_brutes = view.Submission.Answers,
                pieces = DemarcheWire.Documents(view, withInternal: false).Select(d => new { type = d.TypeLabel, fichier = d.FileName, envoyee_le = d.SubmittedAt }),
                historique = view.Timeline.Where(e => !e.Internal).Select(e => new
                {
                    le = e.At,
                    quoi = DemarcheWire.TimelineKind(e.Kind),
                    par = e.ActorName,
                    texte = e.Text,
                    etat = e.StateId is { } s ? definition.Workflow.State(s)?.Label ?? s : null,
                }),
                documents_produits = view.Generated.Select(g => new { titre = g.Title, fichier = g.FileName, le = g.GeneratedAt, par = g.GeneratedBy }),
            });
        }
        var drafts = (await mine.Drafts()).OrderBy(d => d.UpdatedAt).Select(d => new
        {
            brouillon = d.DraftId,
            commune = d.CommuneCode,
            demarche = d.Title,
            modifie_le = d.UpdatedAt,
            pages_remplies = d.CompletedPages,
            reponses = d.Answers,
        }).ToList();
        return new PersonalDataPart(new { demandes = requests, brouillons = drafts }, []);
    }
}
