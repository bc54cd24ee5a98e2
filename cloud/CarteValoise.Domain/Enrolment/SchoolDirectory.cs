namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// A commune's schools as an import finds them: by id, or by name whatever its case, accents and
/// punctuation («Ecole élémentaire Jules-Ferry» is «École élémentaire Jules Ferry»).
/// </summary>
public sealed class SchoolDirectory
{
    private readonly Dictionary<string, string> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);

    public SchoolDirectory(IEnumerable<(string SchoolId, string Name)> schools)
    {
        foreach (var (id, name) in schools)
        {
            if (!_byId.TryAdd(id.Trim(), id))
                throw new ArgumentException($"L'école {id} figure deux fois parmi les écoles de la commune.");
            if (!_byName.TryAdd(TextKey.Of(name), id))
                throw new ArgumentException($"Deux écoles de la commune s'appellent « {name} » : un fichier ne pourrait pas dire laquelle.");
        }
    }

    /// <summary>The school's id, or null when the commune has no school by that id or name.</summary>
    public string? Resolve(string written) =>
        _byId.TryGetValue(written.Trim(), out var id) || _byName.TryGetValue(TextKey.Of(written), out id) ? id : null;
}
