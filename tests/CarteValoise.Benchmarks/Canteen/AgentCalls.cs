using System.Diagnostics;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Canteen;
using Grpc.Core;
using Grpc.Net.Client;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The cloud's gRPC services as the portal calls them for the agent of the large commune: the count
/// page's two reads and the month's close, each timed from the call to the whole answer.
/// </summary>
public sealed class AgentCalls : IDisposable
{
    private readonly GrpcChannel _channel;
    private Metadata _headers = [];

    public AgentCalls(Uri cloud) => _channel = GrpcChannel.ForAddress(cloud, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });

    public CanteenReports.CanteenReportsClient Reports => new(_channel);

    public Billing.BillingClient Billing => new(_channel);

    public async Task SignInAsync()
    {
        var session = await new Accounts.AccountsClient(_channel).SignInAsync(
            new SignInRequest { Email = LargeCommune.AgentLogin, Password = LargeCommune.AgentPassword }, deadline: Soon(1));
        _headers = new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }

    public async Task<(T Reply, TimeSpan Took)> TimeAsync<T>(Func<Metadata, DateTime, AsyncUnaryCall<T>> call, double minutes = 1)
    {
        var started = Stopwatch.GetTimestamp();
        var reply = await call(_headers, Soon(minutes));
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

    public void Dispose() => _channel.Dispose();

    private static DateTime Soon(double minutes) => DateTime.UtcNow.AddMinutes(minutes);
}
