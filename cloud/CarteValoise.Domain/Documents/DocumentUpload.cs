using System.Globalization;

namespace CarteValoise.Domain.Documents;

/// <summary>The form field a problem belongs to, so that the page shows it there.</summary>
public enum UploadField
{
    Type = 1,
    Date = 2,
    File = 3,
}

public sealed record UploadProblem(UploadField Field, string Message);

/// <summary>What the citizen sent about the file: the type chosen, the file's name, the date typed (yyyy-MM-dd).</summary>
public sealed record UploadRequest(string? TypeCode, string? FileName, string? Date);

/// <summary>An upload found acceptable: the name it is kept under, its format found from its content, its dates.</summary>
public sealed record AcceptedUpload(DocumentKind Kind, string FileName, FileFormat Format, DateOnly? IssuedOn, DateOnly? ValidUntil);

public sealed record UploadVerdict(AcceptedUpload? Accepted, IReadOnlyList<UploadProblem> Problems);

/// <summary>
/// Every check of a document sent to the safe, every problem at once: its type, its date as that
/// type reads it, its name, its size, its content, and the room left in the account's safe.
/// </summary>
public static class DocumentUpload
{
    /// <summary>A pièce d'identité is issued for 15 years at most: an expiry date beyond is a typing mistake.</summary>
    private const int LongestValidityYears = 15;

    /// <param name="content">The whole file when <paramref name="sizeBytes"/> is within the limit; otherwise whatever part was read.</param>
    public static UploadVerdict Check(UploadRequest request, ReadOnlySpan<byte> content, long sizeBytes, DocumentLimits limits, long usedBytes, DateOnly today)
    {
        var problems = new List<UploadProblem>();
        var kind = DocumentKinds.Find(request.TypeCode);
        if (kind is null)
            problems.Add(new(UploadField.Type, string.IsNullOrWhiteSpace(request.TypeCode)
                ? "Choisissez le type de document."
                : $"Le type de document « {request.TypeCode.Trim()} » n'existe pas : choisissez-en un dans la liste."));

        var date = kind is null ? null : CheckDate(kind, request.Date, today, problems);

        var fileProblems = DocumentFileName.Problems(request.FileName).Select(p => new UploadProblem(UploadField.File, p)).ToList();
        FileFormat? format = null;
        if (limits.SizeProblem(request.FileName, sizeBytes) is { } tooLarge)
        {
            fileProblems.Add(new(UploadField.File, tooLarge));
        }
        else
        {
            var sniffed = ContentSniffer.Sniff(content[..(int)Math.Min(content.Length, sizeBytes)]);
            if (sniffed.Refusal is { } refusal)
                fileProblems.Add(new(UploadField.File, ContentMessage(request.FileName, refusal)));
            format = sniffed.Format;
            if (format is not null && limits.QuotaProblem(usedBytes, sizeBytes) is { } full)
                fileProblems.Add(new(UploadField.File, full));
        }
        problems.AddRange(fileProblems);

        if (problems.Count > 0 || kind is null || format is null) return new(null, problems);
        return new(new AcceptedUpload(kind, DocumentFileName.Normalized(request.FileName!, format), format, kind.IssuedOn(date), kind.ValidUntil(date)), []);
    }

    private static DateOnly? CheckDate(DocumentKind kind, string? text, DateOnly today, List<UploadProblem> problems)
    {
        var label = Lower(kind.DateLabel);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (kind.DateRequired) problems.Add(new(UploadField.Date, $"Indiquez la {label}."));
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new(UploadField.Date, $"La {label} « {text.Trim()} » n'est pas une date : écrivez-la JJ/MM/AAAA, par exemple 04/03/2026."));
            return null;
        }
        var shown = DocumentDates.Long(date);
        if (date.Year < 1900)
            problems.Add(new(UploadField.Date, $"La {label} ({shown}) n'est pas plausible : vérifiez-la."));
        else if (!kind.AsksExpiryDate && date > today)
            problems.Add(new(UploadField.Date, $"La {label} ({shown}) est dans le futur : indiquez la date écrite sur le document."));
        else if (kind.AsksExpiryDate && date > today.AddYears(LongestValidityYears))
            problems.Add(new(UploadField.Date, $"La {label} ({shown}) est à plus de {LongestValidityYears} ans : vérifiez-la."));
        return date;
    }

    private static string ContentMessage(string? fileName, string refusal)
    {
        var advice = refusal.StartsWith("commence comme", StringComparison.Ordinal)
            ? "enregistrez-le ou photographiez-le à nouveau, puis envoyez-le."
            : "envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.";
        return $"« {DocumentFileName.Shown(fileName)} » {refusal}, quel que soit son nom : {advice}";
    }

    private static string Lower(string label) => char.ToLowerInvariant(label[0]) + label[1..];
}
