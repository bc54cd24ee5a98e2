using CarteValoise.Domain.Demarches;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Grains.Demarches;

[GenerateSerializer]
public sealed class RequestQueueState
{
    /// <summary>The last number given in each year: references follow each other without gaps, and say which shards exist.</summary>
    [Id(0)] public Dictionary<int, int> LastNumberByYear { get; set; } = [];
    /// <summary>
    /// The references of the latest submissions, for a submission sent again (a retry comes within
    /// minutes): kept for <see cref="RequestQueueGrain.RetryWindow"/> and <see cref="RequestQueueGrain.RetryKeys"/>
    /// at most, so that the state written at each number stays small in a commune of tens of thousands of requests.
    /// </summary>
    [Id(1)] public Dictionary<string, AllocatedReference> ReferenceBySubmission { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record AllocatedReference([property: Id(0)] string Reference, [property: Id(1)] DateTimeOffset At);

/// <summary>
/// The only giver of its commune's request numbers, and its agents' queue: every line in memory,
/// newest last, so that a query is one pass from the end that keeps only the page asked for.
/// </summary>
public sealed class RequestQueueGrain(
    [PersistentState("requestQueue", GrainKeys.StorageName)] IPersistentState<RequestQueueState> state,
    TimeProvider time,
    ILogger<RequestQueueGrain> logger) : Grain, IRequestQueueGrain
{
    /// <summary>
    /// The most lines one query returns: the agents' pages ask 200 at most (the service's limit), an
    /// export reads every line in a few passes of this size, each pass a walk of the whole queue.
    /// </summary>
    public const int MaxTake = 5000;

    public static readonly TimeSpan RetryWindow = TimeSpan.FromDays(7);

    public const int RetryKeys = 1000;

    private readonly Dictionary<string, QueueLine> _byReference = new(StringComparer.Ordinal);

    /// <summary>Oldest first (<see cref="QueueLine.Filing"/>).</summary>
    private readonly List<QueueLine> _lines = [];

    /// <summary>
    /// Overdue requests whose state has no move for the platform, at the revision they were asked at:
    /// a request keeps its definition version, so until it changes (a new revision) asking again is useless.
    /// </summary>
    private readonly Dictionary<string, int> _noDeadlineMove = new(StringComparer.Ordinal);

    private string Commune => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var shards = state.State.LastNumberByYear
            .SelectMany(year => Enumerable.Range(0, year.Value / IRequestQueueShardGrain.Size + 1)
                .Select(index => GrainFactory.GetGrain<IRequestQueueShardGrain>(DemarcheKeys.QueueShard(Commune, year.Key, index * IRequestQueueShardGrain.Size))));
        foreach (var lines in await Task.WhenAll(shards.Select(shard => shard.Lines())))
            foreach (var summary in lines)
                Hold(summary, ordered: false);
        _lines.Sort(QueueLine.Filing);
    }

    public async Task<string> Allocate(string submissionKey, int year)
    {
        if (state.State.ReferenceBySubmission.TryGetValue(submissionKey, out var known)) return known.Reference;
        var at = time.GetUtcNow();
        var number = state.State.LastNumberByYear.GetValueOrDefault(year) + 1;
        var reference = new DemarcheReference(Commune, year, number).ToString();
        var expired = state.State.ReferenceBySubmission.Where(pair => at - pair.Value.At > RetryWindow).ToList();
        if (expired.Count == 0 && state.State.ReferenceBySubmission.Count >= RetryKeys)
            expired.Add(state.State.ReferenceBySubmission.MinBy(pair => pair.Value.At));
        foreach (var (key, _) in expired) state.State.ReferenceBySubmission.Remove(key);
        state.State.LastNumberByYear[year] = number;
        state.State.ReferenceBySubmission[submissionKey] = new AllocatedReference(reference, at);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (number == 1) state.State.LastNumberByYear.Remove(year);
            else state.State.LastNumberByYear[year] = number - 1;
            state.State.ReferenceBySubmission.Remove(submissionKey);
            foreach (var (key, allocated) in expired) state.State.ReferenceBySubmission[key] = allocated;
            throw;
        }
        return reference;
    }

    public async Task Track(RequestSummary summary)
    {
        if (!DemarcheReference.TryParse(summary.Reference, out var reference) || reference.CommuneCode != Commune)
            throw new ArgumentException($"Request {summary.Reference} tracked in the queue of commune {Commune}.", nameof(summary));
        await GrainFactory.GetGrain<IRequestQueueShardGrain>(DemarcheKeys.QueueShard(Commune, reference.Year, reference.Number)).Track(summary);
        Hold(summary, ordered: true);
    }

    private void Hold(RequestSummary summary, bool ordered)
    {
        if (_byReference.TryGetValue(summary.Reference, out var held))
        {
            if (summary.Revision >= held.Summary.Revision) held.Update(summary);
            return;
        }
        var line = new QueueLine(summary);
        _byReference[summary.Reference] = line;
        if (!ordered)
        {
            _lines.Add(line);
            return;
        }
        // Nearly always the newest: found at the end in one comparison.
        var at = _lines.Count;
        if (at > 0 && QueueLine.Filing.Compare(_lines[at - 1], line) > 0)
        {
            at = _lines.BinarySearch(line, QueueLine.Filing);
            if (at < 0) at = ~at;
        }
        _lines.Insert(at, line);
    }

    public Task<QueuePage> Query(QueueFilter filter, DateTimeOffset now)
    {
        var take = Math.Clamp(filter.Take, 1, MaxTake);
        var skip = Math.Max(0, filter.Skip);
        var search = QueueSearch.Of(filter.Search);
        var demarcheId = string.IsNullOrEmpty(filter.DemarcheId) ? null : filter.DemarcheId;
        var stateId = string.IsNullOrEmpty(filter.StateId) ? null : filter.StateId;
        var page = new List<RequestSummary>(take);
        var agents = new Dictionary<string, string>(StringComparer.Ordinal);
        var total = 0;
        for (var i = _lines.Count - 1; i >= 0; i--)
        {
            var line = _lines[i];
            var summary = line.Summary;
            // Newest first: an agent renamed is listed under their latest name.
            if (summary.AssignedAgentId.Length > 0) agents.TryAdd(summary.AssignedAgentId, summary.AssignedAgentName);
            if (demarcheId is not null && summary.DemarcheId != demarcheId) continue;
            if (stateId is not null && summary.StateId != stateId) continue;
            if (line.SubmittedDay < filter.From || line.SubmittedDay > filter.To) continue;
            if (filter.Assigned is not null && summary.AssignedAgentId != filter.Assigned) continue;
            var final = summary.StateKind.IsFinal();
            if (filter.InProgressOnly && final) continue;
            if (filter.OverdueOnly && (final || summary.DueAt is not { } due || due >= now)) continue;
            if (!search.Matches(line)) continue;
            if (total >= skip && total - skip < take) page.Add(summary);
            total++;
        }
        var names = StringComparer.InvariantCultureIgnoreCase;
        return Task.FromResult(new QueuePage(page, total,
            [.. agents.Select(agent => new AgentChoice(agent.Key, agent.Value)).OrderBy(agent => agent.Name, names).ThenBy(agent => agent.AccountId, StringComparer.Ordinal)]));
    }

    public async Task<IReadOnlyList<string>> ApplyDeadlines(DateTimeOffset now)
    {
        // A copy: each move comes back through Track, which changes the lines while this awaits.
        var due = _lines.Select(line => line.Summary)
            .Where(summary => summary.DueAt <= now && !summary.StateKind.IsFinal()
                && (!_noDeadlineMove.TryGetValue(summary.Reference, out var revision) || revision != summary.Revision))
            .ToList();
        var moved = new List<string>();
        foreach (var summary in due)
        {
            try
            {
                if (await GrainFactory.GetGrain<IDemarcheRequestGrain>(summary.Reference).ApplyDeadline(now)) moved.Add(summary.Reference);
                else _noDeadlineMove[summary.Reference] = summary.Revision;
            }
            catch (Exception failure)
            {
                // One request's trouble never holds back the others'; it is asked again at the next sweep.
                logger.LogWarning(failure, "Délai de la demande {Reference} non appliqué : repris au prochain passage", summary.Reference);
            }
        }
        return moved;
    }

    public Task<CommuneFigures> Figures(DateOnly? from, DateOnly? to) => Task.FromResult(QueueFigures.Of(_lines, from, to));
}
