using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>The errors of one field, shown next to it (the error summary lists them all at the top).</summary>
public static class FieldErrors
{
    public static string? Of(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    public static bool Has(ModelStateDictionary state, string field) => Of(state, field) is not null;

    /// <summary>"true" or "false", for aria-invalid.</summary>
    public static string Invalid(ModelStateDictionary state, string field) => Has(state, field) ? "true" : "false";

    /// <summary>The cloud's reasons, one per line of the status detail, already in French for the agent.</summary>
    public static IReadOnlyList<string> Problems(RpcException refusal, string fallback)
    {
        var lines = refusal.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 ? lines : [fallback];
    }
}
