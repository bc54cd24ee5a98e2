using System.Text.Json;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// One section as collected for a citizen: <see cref="FileName"/> is its unique name in the archive
/// (<c>{FileName}.json</c>, <c>fichiers/{FileName}/</c>), <see cref="Json"/> its data as written there.
/// </summary>
public sealed record CollectedSection(
    string FileName,
    string Title,
    string Description,
    byte[] Json,
    IReadOnlyList<PersonalDataFile> Files)
{
    /// <summary>The lists the data holds and their sizes, in words: («enfants», 2), («mouvements du solde», 14).</summary>
    public IReadOnlyList<(string Label, int Count)> Counts()
    {
        using var document = JsonDocument.Parse(Json);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => [(Title.ToLowerInvariant(), root.GetArrayLength())],
            JsonValueKind.Object => [.. root.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Array)
                .Select(p => (SectionWords.Humanize(p.Name), p.Value.GetArrayLength()))],
            _ => [],
        };
    }
}
