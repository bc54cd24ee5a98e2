using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// A gRPC client of the cluster given the list of its silos, used one at a time: a call that fails
/// because its silo went away, or because the silo it reached could not reach a grain on one that
/// did, is sent again, unchanged, to the next silo until it is answered. Only calls that are safe to
/// repeat go through it: reads, and changes that carry an operation id. A silo whose call needed a
/// grain of a silo just lost answers UNAVAILABLE (the cloud's ClusterFailureInterceptor), as one
/// that went away does: an UNKNOWN or INTERNAL answer is a failure of the test, not a retry.
/// It counts what it retried and how long the slowest call took, for the test's report.
/// </summary>
public sealed class FailoverCloud(IReadOnlyList<Uri> silos) : IDisposable
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    // What a silo's loss looks like to a caller: no connection, a connection cut mid-call, a call
    // that waited on a grain of the dead silo (deadline, or the service's own Orleans timeout).
    private static readonly HashSet<StatusCode> Transient =
        [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Aborted, StatusCode.Cancelled];

    private readonly GrpcChannel[] channels = [.. silos.Select(address => GrpcChannel.ForAddress(address))];
    private readonly object gate = new();
    private readonly Dictionary<string, int> retried = [];
    private int current;
    private TimeSpan slowest;
    private string slowestCall = "";

    /// <summary>
    /// The call on one silo's channel with a deadline; on a transient failure, the same call on the
    /// next silo. A refusal (PermissionDenied, FailedPrecondition…) is the answer, and is thrown.
    /// </summary>
    public async Task<T> CallAsync<T>(string what, Func<GrpcChannel, DateTime, Task<T>> call)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            int silo;
            lock (gate) silo = current;
            try
            {
                var answer = await call(channels[silo], DateTime.UtcNow + Attempt);
                Record(what, started.Elapsed);
                return answer;
            }
            catch (RpcException failure) when (Transient.Contains(failure.StatusCode) && started.Elapsed < Patience)
            {
                lock (gate)
                {
                    var key = $"{failure.StatusCode} ({Shorten(failure.Status.Detail)})";
                    retried[key] = retried.GetValueOrDefault(key) + 1;
                    if (current == silo) current = (silo + 1) % channels.Length;
                }
            }
            await Task.Delay(Pause);
        }
    }

    /// <summary>The transient failures met, by status and detail, with their counts.</summary>
    public IReadOnlyDictionary<string, int> Retried
    {
        get
        {
            lock (gate) return new Dictionary<string, int>(retried);
        }
    }

    public (TimeSpan Duration, string Call) Slowest
    {
        get
        {
            lock (gate) return (slowest, slowestCall);
        }
    }

    public void Dispose()
    {
        foreach (var channel in channels) channel.Dispose();
    }

    private void Record(string what, TimeSpan took)
    {
        lock (gate)
            if (took > slowest) (slowest, slowestCall) = (took, what);
    }

    private static string Shorten(string detail) => detail.Length <= 80 ? detail : detail[..80] + "…";
}
