using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The files of a request, rendered at each download from what the request holds: its
/// acknowledgement, and each document generated from a template. No bytes are stored: a generated
/// document's record (template, title, time, agent) and the pinned version's template and the
/// request's answers, which never change, give the same PDF each time.
/// </summary>
public sealed class RequestFiles(RequestDetails details)
{
    public const string AcknowledgementId = "accuse-reception";

    public static string AcknowledgementFileName(string reference) => $"{reference}-accuse-reception.pdf";

    public static string GeneratedFileName(string reference, string templateId) => $"{reference}-{templateId}.pdf";

    public async Task<byte[]> AcknowledgementAsync(RequestView view, DemarcheDefinition definition, string communeName)
    {
        var sections = await details.Sections(view, definition);
        return AcknowledgementPdf.Render(new AcknowledgementPdf.Content(communeName, view.Submission, sections, view.Submission.Documents, definition.ProcessingDays));
    }

    /// <summary>The PDF of a generated document; null when its template is not in the request's version.</summary>
    public async Task<byte[]?> GeneratedAsync(RequestView view, DemarcheDefinition definition, string communeName, GeneratedFileRecord file)
    {
        if (definition.Templates.FirstOrDefault(t => t.Id == file.TemplateId) is not { } template) return null;
        var (childName, documentName) = await details.Namers(view, definition);
        var values = TemplateValues(view, definition, communeName, childName, documentName, ServiceDay.Of(file.GeneratedAt));
        return GeneratedDocumentPdf.Render(new GeneratedDocumentPdf.Content(communeName, file.Title, view.Reference,
            TemplateText.Fill(template.Body, values), file.GeneratedAt, file.GeneratedBy));
    }

    /// <summary>
    /// What a template's «{{clé}}» read: each answer as displayed under its key, then the request's
    /// own values (reference, titre, commune, demandeur, date-depot, date of generation, motif of the
    /// decision), which a field of the same id does not hide.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TemplateValues(RequestView view, DemarcheDefinition definition, string communeName,
        Func<string, string?> childName, Func<string, string?> documentName, DateOnly generatedOn)
    {
        var fields = definition.AllFields().ToDictionary(f => f.Id, StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, answer) in view.Submission.Answers)
            values[key] = fields.TryGetValue(RequestFiling.FieldIdOf(key), out var field) ? AnswerDisplay.Value(field, answer, childName, documentName) : answer;
        values["reference"] = view.Reference;
        values["titre"] = definition.Title;
        values["commune"] = communeName;
        values["demandeur"] = view.Submission.CitizenName;
        values["date-depot"] = FrenchText.Day(ServiceDay.Of(view.Submission.SubmittedAt));
        values["date"] = FrenchText.Day(generatedOn);
        values["motif"] = view.DecisionReason;
        return values;
    }
}
