using CarteValoise.Portal.Household;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Demarches;

/// <summary>
/// The cloud's refusals on the agents' démarches pages: each line of an INVALID_ARGUMENT next to the
/// field its trailer names, under the id that field has on the page (a page with several reason
/// fields gives each its own id); a FAILED_PRECONDITION («Cette demande a déjà été traitée par … le …»)
/// and a line about no field at the top of the page.
/// </summary>
public static class DeskProblems
{
    /// <param name="idOnPage">The id on the page of a field the cloud names («motif» → «motif-refuser»); the name itself when null.</param>
    public static void AddTo(ModelStateDictionary state, RpcException refusal, string fallback, Func<string, string>? idOnPage = null)
    {
        var lines = refusal.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) lines = [fallback];
        var fields = refusal.StatusCode == StatusCode.InvalidArgument
            ? (refusal.Trailers.GetValue(DossierProblems.FieldsTrailer) ?? "").Split(',')
            : [];
        for (var i = 0; i < lines.Length; i++)
        {
            var field = i < fields.Length ? fields[i].Trim() : "";
            state.AddModelError(field.Length == 0 ? string.Empty : idOnPage?.Invoke(field) ?? field, lines[i]);
        }
    }

    /// <summary>A refusal the agent can act on, said on the page; any other goes to the error pages.</summary>
    public static bool IsSaidOnThePage(RpcException refusal) => DossierProblems.IsSaidOnThePage(refusal);
}
