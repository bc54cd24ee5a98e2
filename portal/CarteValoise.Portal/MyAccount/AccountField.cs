using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// One labelled input of the account forms, its hint and its error bound to it (aria-describedby),
/// drawn by Pages/Compte/_AccountField.cshtml. Passwords are never written back into the page.
/// </summary>
public sealed record AccountField(string Name, string Label, string Type, string Autocomplete, string? Value = null, string? Hint = null)
{
    public string? Error { get; init; }

    public string? InputMode { get; init; }

    public string HintId => $"{Name}-aide";

    public string ErrorId => $"{Name}-erreur";

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : HintId, Error is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public AccountField WithErrorsFrom(ModelStateDictionary state) => this with { Error = CloudProblems.Of(state, Name) };
}
