using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// Requests filed today the way the cloud files them: a reference from the commune's queue, the
/// request grain's Submit under the démarche's current version, then for about 60 % the agents'
/// moves to a decision (the workflow's own moves, found from its states) and an assignment for some.
/// Each grain tracks its line in the queue itself; this is the path whose rate the history's
/// shortcut (queue lines written directly) is compared with.
/// </summary>
public sealed class FiledToday(RequestHistory history, IReadOnlyDictionary<string, int> versions, string runId)
{
    public const string Reason = "Dossier examiné (banc d'essai)";

    /// <summary>Grain calls made, to give a rate per call beside the rate per request.</summary>
    public int Calls => _calls;

    private int _calls;

    public Task FileAsync(IGrainFactory grains, string communeCode, int count, int parallelism) =>
        Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) => await FileOneAsync(grains, communeCode, 1_000_000L + i));

    private async Task FileOneAsync(IGrainFactory grains, string communeCode, long key)
    {
        var definition = history.Pick(key);
        var channel = RequestHistory.ChannelOf(key);
        var name = RequestHistory.CitizenNameOf(key);
        var agent = RequestHistory.Agents[(int)(Draw.Share(key, 17) * RequestHistory.Agents.Count)];
        var submissionKey = $"banc-{runId}-{key}";
        var now = DateTimeOffset.UtcNow;
        var reference = await grains.GetGrain<IRequestQueueGrain>(communeCode).Allocate(submissionKey, ServiceDay.Of(now).Year);
        var request = grains.GetGrain<IDemarcheRequestGrain>(reference);
        var account = channel == RequestChannel.Counter ? "" : $"citoyen-{key % 5_000}@banc.cartevaloise.fr";
        await request.Submit(new RequestSubmission(
            reference, submissionKey, communeCode, definition.Id, versions[definition.Id], definition.Title,
            account, name, account, channel, channel == RequestChannel.Counter ? agent.Name : "",
            new Dictionary<string, string>(), [], now));
        Interlocked.Add(ref _calls, 2);
        if (Draw.Share(key, 16) < 0.5)
        {
            await request.Assign($"{submissionKey}-attribution", agent.AccountId, agent.Name, agent.Name);
            Interlocked.Increment(ref _calls);
        }
        if (Draw.Share(key, 19) >= 0.6) return;
        var wanted = Draw.Share(key, 23) < 0.85 ? StateKind.Accepted : StateKind.Refused;
        var step = 0;
        foreach (var move in PathTo(definition.Workflow, wanted))
        {
            await request.Move(new RequestMoveCommand($"{submissionKey}-{++step}", move.Id, Actor.Agent, agent.AccountId, agent.Name, Reason, []));
            Interlocked.Increment(ref _calls);
        }
    }

    /// <summary>The fewest agent moves from the initial state to a state of the wanted kind (any final one failing that).</summary>
    public static IReadOnlyList<WorkflowMove> PathTo(Workflow workflow, StateKind wanted)
    {
        var path = Search(workflow, s => s.Kind == wanted);
        return path.Count > 0 ? path : Search(workflow, s => s.Kind.IsFinal());
    }

    private static List<WorkflowMove> Search(Workflow workflow, Func<WorkflowState, bool> goal)
    {
        var cameBy = new Dictionary<string, (string From, WorkflowMove Move)>();
        var queue = new Queue<string>([workflow.Initial]);
        var seen = new HashSet<string> { workflow.Initial };
        while (queue.TryDequeue(out var stateId))
        {
            if (workflow.State(stateId) is { } state && goal(state) && stateId != workflow.Initial)
            {
                var path = new List<WorkflowMove>();
                for (var at = stateId; at != workflow.Initial; at = cameBy[at].From) path.Insert(0, cameBy[at].Move);
                return path;
            }
            foreach (var move in WorkflowRules.MovesFor(workflow, stateId, Actor.Agent))
            {
                if (!seen.Add(move.To)) continue;
                cameBy[move.To] = (stateId, move);
                queue.Enqueue(move.To);
            }
        }
        return [];
    }
}
