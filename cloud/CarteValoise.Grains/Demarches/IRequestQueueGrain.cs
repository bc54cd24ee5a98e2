using Orleans.Concurrency;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// A commune's requests, keyed by INSEE code: the only giver of its reference numbers, and the agents'
/// queue and statistics. It holds every line in memory, read at activation from its shards
/// (<see cref="IRequestQueueShardGrain"/>, where each line is durable), so that filters, search and
/// statistics over tens of thousands of requests answer from memory.
/// </summary>
public interface IRequestQueueGrain : IGrainWithStringKey
{
    /// <summary>The reference of the request filed under <paramref name="submissionKey"/>: a new number of the year, without gaps, the first time; the same when asked again within a week (a retry).</summary>
    Task<string> Allocate(string submissionKey, int year);

    /// <summary>Adds or updates a line (durable in its shard before the task ends); an older revision than the one held changes nothing.</summary>
    [AlwaysInterleave] Task Track(RequestSummary summary);

    [ReadOnly] Task<QueuePage> Query(QueueFilter filter, DateTimeOffset now);

    [ReadOnly] Task<CommuneFigures> Figures(DateOnly? from, DateOnly? to);

    /// <summary>
    /// Makes the platform's moves of the requests in progress whose deadline is at or before
    /// <paramref name="now"/> (<see cref="IDemarcheRequestGrain.ApplyDeadline"/>); the references moved.
    /// Interleaved so that agents' queries are not held up by a sweep: it reads a copy of the lines
    /// and changes them only through <see cref="Track"/>, and each request moves once however many sweeps ask.
    /// </summary>
    [AlwaysInterleave] Task<IReadOnlyList<string>> ApplyDeadlines(DateTimeOffset now);
}

/// <summary>A durable slice of a commune's queue lines, keyed «95127/2026/3» (commune, year, number / <see cref="Size"/>).</summary>
public interface IRequestQueueShardGrain : IGrainWithStringKey
{
    public const int Size = 250;

    Task Track(RequestSummary summary);

    [ReadOnly] Task<IReadOnlyList<RequestSummary>> Lines();
}
