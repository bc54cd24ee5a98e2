using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// The cloud's French problems (one per line of an INVALID_ARGUMENT) put next to the field they
/// speak of: each form names its fields with the words the cloud uses for them, first match wins;
/// a problem that names none goes to the top of the page.
/// </summary>
public static class CloudProblems
{
    public static void AddTo(ModelStateDictionary state, RpcException refusal, IReadOnlyList<(string Field, string[] Words)> fields, string fallback)
    {
        var lines = refusal.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) lines = [fallback];
        foreach (var line in lines)
        {
            var field = fields.FirstOrDefault(f => f.Words.Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase))).Field;
            state.AddModelError(field ?? string.Empty, line);
        }
    }

    /// <summary>The errors of one field, shown next to it (the error summary lists them all at the top).</summary>
    public static string? Of(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
