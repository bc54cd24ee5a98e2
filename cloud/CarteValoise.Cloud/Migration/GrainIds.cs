namespace CarteValoise.Cloud.Migration;

internal static class GrainIds
{
    /// <summary>
    /// A grain id as Orleans prints it (type/key), parsed, and only if printing it again gives the
    /// same text: the import must address exactly the grain the export named.
    /// </summary>
    public static GrainId Parse(string text, int exitCodeIfNot)
    {
        if (GrainId.TryParse(text, null, out var grain) && grain.ToString() == text) return grain;
        throw new MigrationFailure(exitCodeIfNot, $"« {text} » n'est pas un identifiant de grain Orleans (type/clé).");
    }
}
