using System.Diagnostics;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Contracts.Accounts;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The large commune's agent signed in to the cloud as the portal signs in, and its calls timed
/// from the call to the whole answer; each benchmark names the services it calls.
/// </summary>
public abstract class AgentSession(Uri cloud, int maxReceiveMessageSize, double callMinutes) : IDisposable
{
    private Metadata _headers = [];

    protected GrpcChannel Channel { get; } = GrpcChannel.ForAddress(cloud, new GrpcChannelOptions { MaxReceiveMessageSize = maxReceiveMessageSize });

    public async Task SignInAsync()
    {
        var session = await new Accounts.AccountsClient(Channel).SignInAsync(
            new SignInRequest { Email = LargeCommune.AgentLogin, Password = LargeCommune.AgentPassword }, deadline: Soon(1));
        _headers = new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }

    public async Task<(T Reply, TimeSpan Took)> TimeAsync<T>(Func<Metadata, DateTime, AsyncUnaryCall<T>> call, double? minutes = null)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await call(_headers, Soon(minutes ?? callMinutes));
        return (reply, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The same call again and again, one at a time, as agents opening the page one after the other.</summary>
    public async Task<(T Last, Latencies Latencies)> RepeatAsync<T>(int times, Func<Metadata, DateTime, AsyncUnaryCall<T>> call)
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

    public void Dispose()
    {
        Channel.Dispose();
        GC.SuppressFinalize(this);
    }

    private static DateTime Soon(double minutes) => DateTime.UtcNow.AddMinutes(minutes);
}
