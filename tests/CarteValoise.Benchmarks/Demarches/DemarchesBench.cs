using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Processes;
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

    private readonly Figures _figures = new();
    private readonly string _workDirectory = options.Common.WorkDirectory;
    private bool _failed;

    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(DemarchesBenchOptions.Usage);
            return 0;
        }
        DemarchesBenchOptions options;
        try
        {
            options = DemarchesBenchOptions.Parse(args);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        ChildProcesses.KillOnExit(afterwards: () => BenchRun.CleanUp(options.Common));
        try
        {
            return await new DemarchesBench(options).RunAsync() ? 0 : 1;
        }
        finally
        {
            ChildProcesses.KillAll();
        }
    }

    public async Task<bool> RunAsync()
    {
        Directory.CreateDirectory(_workDirectory);
        var loadAtStart = LoadAverage();
        Console.WriteLine($"CarteValoise démarches benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {loadAtStart}");
        Console.WriteLine($"work directory {_workDirectory} (the silo's data directory is inside it); child logs in {options.Common.LogDirectory}");
        var settings = CanteenSilo.Settings.Fresh(Path.Combine(_workDirectory, "cloud"));
        var allRan = true;
        try
        {
            using (var silo = await StartSiloAsync(settings, "demarches-cloud"))
            {
                await using var client = await GrainClient.ConnectAsync(settings.GatewayPort);
                var seeding = new DemarchesSeeding(client.Grains, silo, options, _figures);
                var history = options.Requests - options.ThroughRequests;
                await seeding.CommuneAsync();
                var versions = await seeding.CatalogueAsync();
                await PartAsync($"(démarches) {history:#,0} requests of history over {options.Months} months, as queue lines", () => seeding.HistoryAsync(history));
                if (options.ThroughRequests > 0)
                    await PartAsync($"(démarches) {options.ThroughRequests:#,0} requests filed today through the request grains", () => seeding.FiledTodayAsync(versions, options.ThroughRequests));
                Memory(silo, "demarches_silo_seeded", "after seeding");

                using var desk = new DeskCalls(settings.Address);
                await desk.SignInAsync();
                var queue = client.Grains.GetGrain<IRequestQueueGrain>(Commune);
                foreach (var question in Questions(seeding))
                    await PartAsync($"(démarches) queue: {question.Label}, {options.Calls} calls each way", () => AskAsync(desk, queue, question));
                await PartAsync("(démarches) CSV export of one démarche", () => ExportAsync(desk, queue, seeding));
                await PartAsync("(démarches) statistics", () => StatisticsAsync(desk, queue));
                await PartAsync($"(démarches) cold start of the queue grain, {options.ColdRounds} rounds", () => new ColdQueue(client.Grains, desk, _figures).RunAsync(options.ColdRounds));
                Memory(silo, "demarches_silo", "after seeding and the questions");
                _figures.Add(new Figure("demarches_data_mb", "(démarches) silo data directory on disk", DemarchesSeeding.Megabytes(DirectorySize(settings.DataDirectory)), "MB"));
            }
            if (options.Restart)
                await PartAsync("(démarches) first questions after a restart of the silo on the same disk", () => AfterRestartAsync(settings));
        }
        catch (Exception ex)
        {
            allRan = false;
            _figures.Note($"the démarches benchmark stopped: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            ChildProcesses.KillAll();
            BenchRun.CleanUp(options.Common);
        }
        allRan &= !_failed;
        _figures.Note($"load average (1, 5, 15 min) at start {loadAtStart}, at end {LoadAverage()}, on {Environment.ProcessorCount} cores");
        _figures.Print(Console.Out);
        return allRan;
    }

    private async Task PartAsync(string title, Func<Task> part)
    {
        Console.WriteLine($"== {title}");
        try
        {
            await part();
        }
        catch (Exception ex)
        {
            _failed = true;
            _figures.Note($"not measured: {title}: {ex.GetType().Name}: {ex.Message}");
        }
    }

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
        var (page, byDesk) = await desk.RepeatAsync(options.Calls, (client, headers, deadline) => client.ListRequestsAsync(question.Desk, headers, deadline));
        var (grainPage, byGrain) = await RepeatAsync(options.Calls, () => queue.Query(question.Grain, DateTimeOffset.UtcNow));
        Console.WriteLine($"  {page.Total:#,0} lines matched ({grainPage.Total:#,0} by the grain), {page.Lines.Count} on page {page.Page} of {page.PageCount}");
        Add($"demarches_{question.Key}", question.Label, byDesk, byGrain, $"{page.Total:#,0} matched");
    }

    private async Task ExportAsync(DeskCalls desk, IRequestQueueGrain queue, DemarchesSeeding seeding)
    {
        var demarche = seeding.History.Pick(1).Id;
        var request = new ListRequestsRequest { CommuneInseeCode = Commune, DemarcheId = demarche };
        var (file, byDesk) = await desk.RepeatAsync(options.Calls, (client, headers, deadline) => client.ExportRequestsAsync(request, headers, deadline));
        var (lines, byGrain) = await RepeatAsync(options.Calls, () => QueueQuestions.EveryLineAsync(queue, demarche));
        var rows = file.Content.ToStringUtf8().Count(c => c == '\n');
        Console.WriteLine($"  {file.FileName}: {file.Content.Length / 1024.0:#,0} KB, {rows:#,0} lines of text; the grain gave {lines.Count:#,0} lines, {QueueQuestions.ExportPages(lines.Count)} pages of {QueueQuestions.ExportPage}");
        Add("demarches_export", $"CSV export of {demarche} (grain: every page of its lines)", byDesk, byGrain, $"{lines.Count:#,0} requests, {file.Content.Length / 1024.0:#,0} KB");
    }

    private async Task StatisticsAsync(DeskCalls desk, IRequestQueueGrain queue)
    {
        var whole = new GetStatisticsRequest { CommuneInseeCode = Commune };
        var (report, byDesk) = await desk.RepeatAsync(options.Calls, (client, headers, deadline) => client.GetStatisticsAsync(whole, headers, deadline));
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
        var (monthly, byDeskMonth) = await desk.RepeatAsync(options.Calls, (client, headers, deadline) => client.GetStatisticsAsync(oneMonth, headers, deadline));
        var (_, byGrainMonth) = await RepeatAsync(options.Calls, () => queue.Figures(first, last));
        Add("demarches_statistics_month", $"statistics of {first:yyyy-MM}", byDeskMonth, byGrainMonth, $"{monthly.Demarches.Sum(d => d.Received):#,0} received");
    }

    private async Task AfterRestartAsync(CanteenSilo.Settings settings)
    {
        var started = Stopwatch.GetTimestamp();
        using var silo = await StartSiloAsync(settings, "demarches-cloud-restarted");
        _figures.Add(new Figure("demarches_restart_s", "(démarches) silo restart on the seeded disk, to CLOUD READY", Stopwatch.GetElapsedTime(started).TotalSeconds, "s"));
        using var desk = new DeskCalls(settings.Address);
        await desk.SignInAsync();
        var first = new ListRequestsRequest { CommuneInseeCode = Commune, Page = 1, PageSize = QueueQuestions.PageSize };
        var (page, cold) = await desk.TimeAsync((client, headers, deadline) => client.ListRequestsAsync(first, headers, deadline));
        _figures.Add(new Figure("demarches_restart_first_page_ms", "(démarches) first queue page after restart (DemarcheDesk; the queue read from its shards)", cold.TotalMilliseconds, "ms",
            "", $"{page.Total:#,0} lines"));
        var (_, warm) = await desk.TimeAsync((client, headers, deadline) => client.ListRequestsAsync(first, headers, deadline));
        _figures.Add(new Figure("demarches_restart_second_page_ms", "(démarches) the same page again", warm.TotalMilliseconds, "ms"));
        Memory(silo, "demarches_silo_restarted", "after restart and the first page");
    }

    private void Add(string key, string label, Latencies byDesk, Latencies byGrain, string note)
    {
        _figures.Add(new Figure($"{key}_desk_p50_ms", $"(démarches) {label}: DemarcheDesk p50", byDesk.Percentile(50), "ms", "", note));
        _figures.Add(new Figure($"{key}_desk_max_ms", $"(démarches) {label}: DemarcheDesk max", byDesk.Percentile(100), "ms"));
        _figures.Add(new Figure($"{key}_grain_p50_ms", $"(démarches) {label}: queue grain p50", byGrain.Percentile(50), "ms"));
        _figures.Add(new Figure($"{key}_grain_max_ms", $"(démarches) {label}: queue grain max", byGrain.Percentile(100), "ms"));
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

    private async Task<CanteenSilo> StartSiloAsync(CanteenSilo.Settings settings, string name)
    {
        var started = Stopwatch.GetTimestamp();
        var silo = await CanteenSilo.StartAsync(options.CloudDll, settings, name, options.Common.LogDirectory, TimeSpan.FromSeconds(options.Common.CloudStartSeconds));
        Console.WriteLine($"  silo ready at {settings.Address} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return silo;
    }

    private void Memory(CanteenSilo silo, string key, string when)
    {
        var (now, peak) = silo.Memory();
        _figures.Add(new Figure($"{key}_working_set_mb", $"(démarches) silo working set {when}", DemarchesSeeding.Megabytes(now), "MB", "",
            $"peak {DemarchesSeeding.Megabytes(peak).ToString("#,0", CultureInfo.InvariantCulture)} MB"));
    }

    private static long DirectorySize(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
