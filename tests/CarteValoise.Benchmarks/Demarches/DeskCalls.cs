using System.Diagnostics;
using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Demarches;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The DemarcheDesk service as the portal calls it for an agent of the commune (a session of the
/// canteen benchmark's agent of Grandeville), each call timed from the call to the whole answer.
/// </summary>
public sealed class DeskCalls : IDisposable
{
    private readonly GrpcChannel _channel;
    private Metadata _headers = [];

    public DeskCalls(Uri cloud) => _channel = GrpcChannel.ForAddress(cloud, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024 });

    public DemarcheDesk.DemarcheDeskClient Desk => new(_channel);

    public async Task SignInAsync()
    {
        var session = await new Accounts.AccountsClient(_channel).SignInAsync(
            new SignInRequest { Email = LargeCommune.AgentLogin, Password = LargeCommune.AgentPassword }, deadline: DateTime.UtcNow.AddMinutes(1));
        _headers = new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }

    public async Task<(T Reply, TimeSpan Took)> TimeAsync<T>(Func<DemarcheDesk.DemarcheDeskClient, Metadata, DateTime, AsyncUnaryCall<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await call(Desk, _headers, DateTime.UtcNow.AddMinutes(5));
        return (reply, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The same call again and again, one at a time, as agents opening the page one after the other.</summary>
    public async Task<(T Last, Latencies Latencies)> RepeatAsync<T>(int times, Func<DemarcheDesk.DemarcheDeskClient, Metadata, DateTime, AsyncUnaryCall<T>> call)
    {
        var latencies = new Latencies();
        T last = default!;
        for (var i = 0; i < times; i++)
        {
            var (reply, took) = await TimeAsync(call);
            latencies.Add(took);
            last = reply;
        }
        return (last, latencies);
    }

    public void Dispose() => _channel.Dispose();
}
