namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// What a load balancer would have seen of each silo's /health during a window of the test, asked
/// every tenth of a second: how many answers of each kind. For the report only, never asserted —
/// whether a silo says 503 during a database restart depends on when Orleans next writes to it.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<(string Silo, string Answer), int> answers = [];
    private readonly Task watching;

    public HealthWatch(IReadOnlyList<SiloSlot> silos) => watching = Task.Run(() => WatchAsync(silos));

    /// <summary>«silo-1: 200 ×31, 503 ×4», one silo after the other.</summary>
    public async Task<string> StopAsync()
    {
        stop.Cancel();
        await watching;
        lock (answers)
            return string.Join("; ", answers.GroupBy(a => a.Key.Silo).OrderBy(g => g.Key)
                .Select(g => $"{g.Key}: {string.Join(", ", g.OrderBy(a => a.Key.Answer).Select(a => $"{a.Key.Answer} ×{a.Value}"))}"));
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        await watching;
        stop.Dispose();
    }

    private async Task WatchAsync(IReadOnlyList<SiloSlot> silos)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            foreach (var silo in silos)
            {
                string answer;
                try
                {
                    using var response = await http.GetAsync(silo.Health, stop.Token);
                    answer = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    answer = "no answer";
                }
                lock (answers) answers[(silo.Name, answer)] = answers.GetValueOrDefault((silo.Name, answer)) + 1;
            }
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
