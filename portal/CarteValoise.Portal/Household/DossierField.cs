namespace CarteValoise.Portal.Household;

/// <summary>One labelled input of the dossier forms (Pages/Dossier/_Field.cshtml), its hint and its error bound to it.</summary>
public sealed record DossierField(string Name, string Label, string? Value, string Type, string Autocomplete, string? Hint, string Css, string? Error)
{
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : $"{Name}-aide", Error is null ? null : $"{Name}-erreur" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}
