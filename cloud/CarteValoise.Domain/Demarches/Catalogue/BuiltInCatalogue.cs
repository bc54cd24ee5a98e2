namespace CarteValoise.Domain.Demarches;

/// <summary>The démarches every commune starts with (JSON files embedded in this assembly).</summary>
public static class BuiltInCatalogue
{
    public static IReadOnlyList<DemarcheDefinition> All() => throw new NotImplementedException();
}
