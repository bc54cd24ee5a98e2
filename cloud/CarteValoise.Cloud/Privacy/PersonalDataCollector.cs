using System.Text.Json;
using CarteValoise.Domain.Access;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// Asks every registered section for what it holds on the citizen, all at once, and writes each as
/// the archive will: a section that fails fails the whole, so that an archive never looks complete
/// while a part is missing.
/// </summary>
public sealed class PersonalDataCollector(IEnumerable<IPersonalDataSection> sections, ILogger<PersonalDataCollector> logger)
{
    public async Task<IReadOnlyList<CollectedSection>> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var ordered = sections.ToList();
        var parts = await Task.WhenAll(ordered.Select(s => s.CollectAsync(citizen, cancellationToken)));
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "README" };
        var collected = new List<CollectedSection>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var section = ordered[i];
            var fileName = Unique(SectionWords.SafeFileName(section.Name), taken);
            if (!string.Equals(fileName, section.Name, StringComparison.Ordinal))
                logger.LogWarning("La section « {Name} » est écrite sous le nom « {FileName} » dans l'archive", section.Name, fileName);
            var (title, description) = section is IDescribedPersonalDataSection described
                ? (described.Title, described.Description)
                : (SectionWords.Title(section.Name), "");
            collected.Add(new CollectedSection(fileName, title, description,
                JsonSerializer.SerializeToUtf8Bytes(parts[i].Data, ArchiveJson.Options), parts[i].Files));
        }
        return collected;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++) unique = $"{name}-{n}";
        return unique;
    }
}
