using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Household;

/// <summary>
/// The cloud's refusals of a household form, each put next to its field: the cloud sends one French
/// problem per line and, in the trailer <see cref="FieldsTrailer"/>, the field of each line (the
/// forms name their inputs with the same words: "telephone", "caf", "justificatif"…). A problem
/// without a field, and a refusal of the whole request, go to the top of the page.
/// </summary>
public static class DossierProblems
{
    public const string FieldsTrailer = "carte-problem-fields";

    /// <param name="prefix">Put before each field name when the page holds several forms of the same fields.</param>
    public static void AddTo(ModelStateDictionary state, RpcException refusal, string fallback, string prefix = "")
    {
        var lines = refusal.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) lines = [fallback];
        var fields = (refusal.Trailers.GetValue(FieldsTrailer) ?? "").Split(',');
        for (var i = 0; i < lines.Length; i++)
        {
            var field = i < fields.Length ? fields[i].Trim() : "";
            state.AddModelError(field.Length == 0 ? string.Empty : prefix + field, lines[i]);
        }
    }

    /// <summary>A refusal the citizen or the agent can act on, said on the page; any other goes to the error pages.</summary>
    public static bool IsSaidOnThePage(RpcException refusal) =>
        refusal.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition;
}
