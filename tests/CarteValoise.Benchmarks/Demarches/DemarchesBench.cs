using System.Diagnostics;
using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Benchmarks.Running;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The démarches benchmark (issue 7): the real cloud program on its LiteDB storage, one commune
/// with 50,000 requests over 18 months, then what its agents wait for: the queue's pages, filters,
/// searches and CSV export, and the statistics, each asked through the DemarcheDesk service as the
/// portal asks it and straight of the queue grain (the service's own cost is the difference); then
/// the queue grain's cold start (its shards read again), and the silo's memory. Figures are
/// printed, nothing is asserted.
/// </summary>
public sealed class DemarchesBench(DemarchesBenchOptions options)
{
    private const string Commune = DemarchesSeeding.Commune;
    private const string NameFragment = "fourn";

    private readonly SiloScenario _scenario = new("démarches", options.Common, options.CloudDll);

    private Figures Figures => _scenario.Figures;

    public static Task<int> MainAsync(string[] args) => ScenarioEntry.RunAsync(args, DemarchesBenchOptions.Usage, DemarchesBenchOptions.Parse,
        options => BenchRun.CleanUp(options.Common), options => new DemarchesBench(options).RunAsync());

    public Task<bool> RunAsync() => _scenario.RunAsync(async settings =>
    {
        using (var silo = await _scenario.StartSiloAsync(settings, "demarches-cloud"))
        {
            await using var client = await GrainClient.ConnectAsync(settings.GatewayPort);
            var seeding = new DemarchesSeeding(client.Grains, silo, options, Figures);
            var history = options.Requests - options.ThroughRequests;
            await seeding.CommuneAsync();
            var versions = await seeding.CatalogueAsync();
            await _scenario.PartAsync($"(démarches) {history:#,0} requests of history over {options.Months} months, as queue lines", () => seeding.HistoryAsync(history));
            if (options.ThroughRequests > 0)
                await _scenario.PartAsync($"(démarches) {options.ThroughRequests:#,0} requests filed today through the request grains", () => seeding.FiledTodayAsync(versions, options.ThroughRequests));
            _scenario.Memory(silo, "demarches_silo_seeded", "after seeding");

            using var desk = new DeskCalls(settings.Address);
            await desk.SignInAsync();
            var queue = client.Grains.GetGrain<IRequestQueueGrain>(Commune);
            foreach (var question in Questions(seeding))
                await _scenario.PartAsync($"(démarches) queue: {question.Label}, {options.Calls} calls each way", () => AskAsync(desk, queue, question));
            await _scenario.PartAsync("(démarches) CSV export of one démarche", () => ExportAsync(desk, queue, seeding));
            await _scenario.PartAsync("(démarches) statistics", () => StatisticsAsync(desk, queue));
            await _scenario.PartAsync($"(démarches) cold start of the queue grain, {options.ColdRounds} rounds", () => new ColdQueue(client.Grains, desk, Figures).RunAsync(options.ColdRounds));
            _scenario.Memory(silo, "demarches_silo", "after seeding and the questions");
            _scenario.DataSize(settings, "demarches_data_mb");
        }
        if (options.Restart)
            await _scenario.PartAsync("(démarches) first questions after a restart of the silo on the same disk", () => AfterRestartAsync(settings));
    });

    /// <summary>The questions, on values the history really holds: its commonest démarche's commonest open state, a reference from its middle.</summary>
    private static IReadOnlyList<QueueQuestion> Questions(DemarchesSeeding seeding)
    {
        var open = seeding.Planned.Where(p => !p.State.Kind.IsFinal()).GroupBy(p => (p.Definition.Id, p.State.Id)).MaxBy(g => g.Count())?.Key
            ?? (seeding.History.Pick(1).Id, seeding.History.Pick(1).Workflow.Initial);
        var reference = seeding.References.Count > 0 ? seeding.References[seeding.References.Count / 2] : "DEM-00000-2026-000001";
        return QueueQuestions.Of(Commune, open.Item1, open.Item2, NameFragment, reference);
    }

    private async Task AskAsync(DeskCalls desk, IRequestQueueGrain queue, QueueQuestion question)
    {
        var (page, byDesk) = await desk.RepeatAsync(options.Calls, (headers, deadline) => desk.Desk.ListRequestsAsync(question.Desk, headers, deadline));
        var (grainPage, byGrain) = await RepeatAsync(options.Calls, () => queue.Query(question.Grain, DateTimeOffset.UtcNow));
        Console.WriteLine($"  {page.Total:#,0} lines matched ({grainPage.Total:#,0} by the grain), {page.Lines.Count} on page {page.Page} of {page.PageCount}");
        Add($"demarches_{question.Key}", question.Label, byDesk, byGrain, $"{page.Total:#,0} matched");
    }

    private async Task ExportAsync(DeskCalls desk, IRequestQueueGrain queue, DemarchesSeeding seeding)
    {
        var demarche = seeding.History.Pick(1).Id;
        var request = new ListRequestsRequest { CommuneInseeCode = Commune, DemarcheId = demarche };
        var (file, byDesk) = await desk.RepeatAsync(options.Calls, (headers, deadline) => desk.Desk.ExportRequestsAsync(request, headers, deadline));
        var (lines, byGrain) = await RepeatAsync(options.Calls, () => QueueQuestions.EveryLineAsync(queue, demarche));
        var rows = file.Content.ToStringUtf8().Count(c => c == '\n');
        Console.WriteLine($"  {file.FileName}: {file.Content.Length / 1024.0:#,0} KB, {rows:#,0} lines of text; the grain gave {lines.Count:#,0} lines, {QueueQuestions.ExportPages(lines.Count)} pages of {QueueQuestions.ExportPage}");
        Add("demarches_export", $"CSV export of {demarche} (grain: every page of its lines)", byDesk, byGrain, $"{lines.Count:#,0} requests, {file.Content.Length / 1024.0:#,0} KB");
    }

    private async Task StatisticsAsync(DeskCalls desk, IRequestQueueGrain queue)
    {
        var whole = new GetStatisticsRequest { CommuneInseeCode = Commune };
        var (report, byDesk) = await desk.RepeatAsync(options.Calls, (headers, deadline) => desk.Desk.GetStatisticsAsync(whole, headers, deadline));
        var (_, byGrain) = await RepeatAsync(options.Calls, () => queue.Figures(null, null));
        var received = report.Demarches.Sum(d => d.Received);
        var decided = report.Demarches.Sum(d => d.Decided);
        var online = report.Demarches.Sum(d => d.Online);
        Console.WriteLine($"  {report.Demarches.Count} démarches over {report.Months.Count} months: {received:#,0} received, {decided:#,0} decided, {online:#,0} online");
        foreach (var line in report.Demarches.OrderByDescending(d => d.Received).Take(3))
            Console.WriteLine($"    {line.Title}: {line.Received:#,0} received, {line.InProgress:#,0} in progress, median {line.MedianDays:0.#} days, p90 {line.P90Days:0.#} days");
        Add("demarches_statistics_all", "statistics, whole range", byDesk, byGrain, $"{received:#,0} received");

        var month = ServiceDay.Today(TimeProvider.System).AddMonths(-Math.Min(6, options.Months / 2));
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var oneMonth = new GetStatisticsRequest { CommuneInseeCode = Commune, From = ServiceDay.Format(first), To = ServiceDay.Format(last) };
        var (monthly, byDeskMonth) = await desk.RepeatAsync(options.Calls, (headers, deadline) => desk.Desk.GetStatisticsAsync(oneMonth, headers, deadline));
        var (_, byGrainMonth) = await RepeatAsync(options.Calls, () => queue.Figures(first, last));
        Add("demarches_statistics_month", $"statistics of {first:yyyy-MM}", byDeskMonth, byGrainMonth, $"{monthly.Demarches.Sum(d => d.Received):#,0} received");
    }

    private async Task AfterRestartAsync(CanteenSilo.Settings settings)
    {
        using var silo = await _scenario.RestartSiloAsync(settings, "demarches-cloud-restarted", "demarches_restart_s");
        using var desk = new DeskCalls(settings.Address);
        await desk.SignInAsync();
        var first = new ListRequestsRequest { CommuneInseeCode = Commune, Page = 1, PageSize = QueueQuestions.PageSize };
        var (page, cold) = await desk.TimeAsync((headers, deadline) => desk.Desk.ListRequestsAsync(first, headers, deadline));
        Figures.Add(new Figure("demarches_restart_first_page_ms", "(démarches) first queue page after restart (DemarcheDesk; the queue read from its shards)", cold.TotalMilliseconds, "ms",
            "", $"{page.Total:#,0} lines"));
        var (_, warm) = await desk.TimeAsync((headers, deadline) => desk.Desk.ListRequestsAsync(first, headers, deadline));
        Figures.Add(new Figure("demarches_restart_second_page_ms", "(démarches) the same page again", warm.TotalMilliseconds, "ms"));
        _scenario.Memory(silo, "demarches_silo_restarted", "after restart and the first page");
    }

    private void Add(string key, string label, Latencies byDesk, Latencies byGrain, string note)
    {
        Figures.Add(new Figure($"{key}_desk_p50_ms", $"(démarches) {label}: DemarcheDesk p50", byDesk.Percentile(50), "ms", "", note));
        Figures.Add(new Figure($"{key}_desk_max_ms", $"(démarches) {label}: DemarcheDesk max", byDesk.Percentile(100), "ms"));
        Figures.Add(new Figure($"{key}_grain_p50_ms", $"(démarches) {label}: queue grain p50", byGrain.Percentile(50), "ms"));
        Figures.Add(new Figure($"{key}_grain_max_ms", $"(démarches) {label}: queue grain max", byGrain.Percentile(100), "ms"));
    }

    /// <summary>The same grain call again and again, one at a time.</summary>
    public static async Task<(T Last, Latencies Latencies)> RepeatAsync<T>(int times, Func<Task<T>> call)
    {
        var latencies = new Latencies();
        T last = default!;
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            last = await call();
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return (last, latencies);
    }

}
