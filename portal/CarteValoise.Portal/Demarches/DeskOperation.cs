using Microsoft.AspNetCore.Http;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The operation id every form of the agents' pages carries, made when the page is drawn: a form
/// sent twice (a double click, a page sent again) carries the same id, and the cloud acts once.
/// </summary>
public static class DeskOperation
{
    public const string Field = "operation";

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>The id the form carried, or a new one for a form that carried none.</summary>
    public static string Of(HttpRequest request) =>
        request.HasFormContentType && request.Form[Field].ToString() is { Length: > 0 } given ? given.Trim() : New();
}
