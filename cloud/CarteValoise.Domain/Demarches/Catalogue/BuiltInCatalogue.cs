namespace CarteValoise.Domain.Demarches;

/// <summary>
/// The démarches every commune starts with: JSON definition files embedded in this assembly, in the
/// same format as an export, so that a commune may export one, change it and import it back.
/// </summary>
public static class BuiltInCatalogue
{
    private const string ResourcePrefix = "CarteValoise.Domain.Demarches.Catalogue.";

    // «État civil» among the E's, not after «Vie locale»; the invariant culture also works where
    // globalization is invariant (no ICU), where it falls back to ordinal order.
    private static readonly StringComparer Headings = StringComparer.InvariantCulture;

    // Read once: the files are part of the assembly and never change while it runs.
    private static readonly Lazy<IReadOnlyList<DemarcheDefinition>> Definitions = new(Load);

    /// <summary>Every built-in démarche, checked, by category then title.</summary>
    /// <exception cref="InvalidDemarcheException">A file does not hold (a bug of this assembly, caught by its tests).</exception>
    public static IReadOnlyList<DemarcheDefinition> All() => Definitions.Value;

    private static IReadOnlyList<DemarcheDefinition> Load()
    {
        var assembly = typeof(BuiltInCatalogue).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return DefinitionFile.Parse(reader.ReadToEnd());
            })
            .OrderBy(definition => definition.Category, Headings)
            .ThenBy(definition => definition.Title, Headings)
            .ToList();
    }
}
