using CarteValoise.Cloud.Household;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.Household;
using W = CarteValoise.Contracts.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// A request as each side reads it: the citizen without the agents' internal notes and with their
/// own moves; an agent whole, with the agents' moves and the templates to generate.
/// </summary>
public sealed class RequestDetails(IGrainFactory grains, DemarcheDefinitions definitions, HouseholdDirectory directory, TimeProvider time)
{
    /// <summary>The request under a reference, or null (a malformed reference reads as an unknown one).</summary>
    public async Task<RequestView?> Find(string reference)
    {
        if (!DemarcheReference.TryParse(reference?.Trim(), out var parsed)) return null;
        return await grains.GetGrain<IDemarcheRequestGrain>(parsed.ToString()).Get();
    }

    public async Task<string> CommuneName(string communeCode) =>
        (await directory.CommuneNames()).GetValueOrDefault(communeCode, communeCode);

    public async Task<W.RequestDetail> For(RequestView view, Actor reader)
    {
        var submission = view.Submission;
        var definition = await definitions.Of(submission);
        var communeName = await CommuneName(submission.CommuneCode);
        var detail = new W.RequestDetail
        {
            Line = DemarcheWire.Line(view, definition, communeName, time.GetUtcNow()),
            DefinitionVersion = submission.Version,
            CitizenEmail = submission.CitizenEmail,
            CitizenAccountId = submission.CitizenAccountId,
            EnteredBy = submission.EnteredByAgentName,
            DecisionReason = view.DecisionReason,
            DecidedBy = view.DecidedBy,
        };
        detail.Sections.AddRange((await Sections(view, definition)).Select(section =>
        {
            var wire = new W.AnswerSection { PageTitle = section.PageTitle };
            wire.Rows.AddRange(section.Rows.Select(r => new W.AnswerRow { Label = r.Label, Value = r.Value }));
            return wire;
        }));
        detail.Documents.AddRange(DemarcheWire.Documents(view, withInternal: reader == Actor.Agent).Select(DemarcheWire.Document));
        detail.Timeline.AddRange(view.Timeline.Where(e => reader == Actor.Agent || !e.Internal).Select(e => DemarcheWire.Entry(e, definition)));
        detail.Moves.AddRange(WorkflowRules.MovesFor(definition.Workflow, view.StateId, reader).Select(m => DemarcheWire.Move(m, definition)));
        detail.Generated.AddRange(view.Generated.Select(DemarcheWire.Generated));
        if (reader == Actor.Agent)
            detail.Templates.AddRange(definition.Templates.Select(t => new W.TemplateChoice { TemplateId = t.Id, Title = t.Title }));
        return detail;
    }

    /// <summary>The answers as read, children named from the dossier and documents from their frozen copies.</summary>
    public async Task<IReadOnlyList<AnswerSection>> Sections(RequestView view, DemarcheDefinition definition)
    {
        var (childName, documentName) = await Namers(view, definition);
        return AnswerDisplay.Sections(definition, view.Submission.Answers, childName, documentName);
    }

    /// <summary>How a child id and a document id of the request read: the child's name today, the frozen copy's type and file name.</summary>
    public async Task<(Func<string, string?> ChildName, Func<string, string?> DocumentName)> Namers(RequestView view, DemarcheDefinition definition)
    {
        var answers = view.Submission.Answers;
        var childFields = definition.AllFields().Where(f => f.Kind == FieldKind.Child).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var children = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var childId in answers.Where(a => childFields.Contains(RequestFiling.FieldIdOf(a.Key)) && a.Value.Length > 0).Select(a => a.Value).Distinct())
            if (await grains.GetGrain<IHouseholdChildGrain>(childId).Get() is { } child) children[childId] = child.FullName;
        var documents = DemarcheWire.Documents(view).GroupBy(d => d.DocumentId).ToDictionary(g => g.Key, g => g.First());
        return (id => children.GetValueOrDefault(id),
            id => documents.TryGetValue(id, out var d) ? $"{DemarcheWire.DocumentTypeLabel(d.TypeCode)} : {d.FileName}" : null);
    }
}
