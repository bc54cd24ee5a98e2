namespace CarteValoise.Grains.DocumentSafe;

[GenerateSerializer]
public sealed class DocumentSafeState
{
    [Id(0)] public List<StoredDocument> Documents { get; set; } = [];

    /// <summary>The copies frozen for each request, by request reference.</summary>
    [Id(1)] public Dictionary<string, List<FrozenCopy>> Submitted { get; set; } = new(StringComparer.Ordinal);
}
