using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches.Catalogue;

/// <summary>The built-in files as the assembly carries them, and the catalogue's démarches by id.</summary>
internal static class CatalogueFiles
{
    public static readonly string[] Ids =
    [
        "acte-naissance", "acte-mariage", "acte-deces", "inscription-scolaire", "inscription-cantine-periscolaire",
        "modification-dossier-famille", "certificat-urbanisme-information", "declaration-prealable-travaux",
        "inscription-mediatheque", "inscription-conservatoire", "reservation-salle",
    ];

    public static TheoryData<string> EachId() => new(Ids);

    public static string Text(string id)
    {
        var assembly = typeof(BuiltInCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream($"CarteValoise.Domain.Demarches.Catalogue.{id}.json")
            ?? throw new InvalidOperationException($"No embedded file for {id}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static DemarcheDefinition Definition(string id) => BuiltInCatalogue.All().Single(definition => definition.Id == id);
}
