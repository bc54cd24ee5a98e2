using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// How each of many calls ended, named, so that one assertion shows every call that went through
/// or ended otherwise (not only the first one). Calls may be tried at once.
/// </summary>
public sealed class Outcomes
{
    private readonly List<(string Call, StatusCode Status, string Detail)> seen = [];

    private IReadOnlyList<(string Call, StatusCode Status, string Detail)> Seen
    {
        get
        {
            lock (seen) return [.. seen];
        }
    }

    public async Task TryAsync(string call, Func<Task> attempt)
    {
        (string, StatusCode, string) outcome;
        try
        {
            await attempt();
            outcome = (call, StatusCode.OK, "");
        }
        catch (RpcException refused)
        {
            outcome = (call, refused.StatusCode, refused.Status.Detail);
        }
        lock (seen) seen.Add(outcome);
    }

    public (StatusCode Status, string Detail) Of(string call)
    {
        var outcome = Seen.Single(s => s.Call == call);
        return (outcome.Status, outcome.Detail);
    }

    /// <summary>Every call ended with that status.</summary>
    public void AssertAll(StatusCode status) =>
        AssertEnded(Seen.Select(s => (s, (string?)null)).ToList(), status);

    /// <summary>Every call ended with that status and that detail (in French, for the person who asked).</summary>
    public void AssertAll(StatusCode status, string detail) =>
        AssertEnded(Seen.Select(s => (s, (string?)detail)).ToList(), status);

    /// <summary>The calls, in the order tried, ended with that status and each with its own detail.</summary>
    public void AssertEach(StatusCode status, params string[] details)
    {
        var seen = Seen;
        Assert.Equal(details.Length, seen.Count);
        AssertEnded(seen.Zip(details, (s, detail) => (s, (string?)detail)).ToList(), status);
    }

    /// <summary>Fails listing every call that ended otherwise (a null detail: any).</summary>
    private static void AssertEnded(IReadOnlyList<((string Call, StatusCode Status, string Detail) Seen, string? Detail)> expected, StatusCode status)
    {
        Assert.NotEmpty(expected);
        var wrong = expected.Where(e => e.Seen.Status != status || (e.Detail is not null && e.Seen.Detail != e.Detail))
            .Select(e => $"- {e.Seen.Call}: {e.Seen.Status} « {e.Seen.Detail} », expected {status}{(e.Detail is null ? "" : $" « {e.Detail} »")}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Count} calls ended otherwise:\n{string.Join("\n", wrong)}");
    }
}
