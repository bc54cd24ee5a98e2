using System.Diagnostics;
using CarteValoise.Benchmarks.Report;
using CarteValoise.Benchmarks.Running;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Grains.Children;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The canteen benchmark (issue 4): the real cloud program on its LiteDB storage, a large commune
/// (6,000 children in 3,500 families, 40 schools, billed monthly) and a school year of its taps;
/// then what the agents wait for: the month's close and the count page's data, and what the silo
/// holds in memory. The taps are applied through the grains in big batches (one RecordTaps per
/// child and month, then one Flush per child), NOT through reader boxes and EdgeSync: the boxes'
/// own path is measured by the reader-box benchmark; this one measures the reports over a year of data.
/// Figures are printed, nothing is asserted.
/// </summary>
public sealed class CanteenBench(CanteenBenchOptions options)
{
    private readonly SiloScenario _scenario = new("canteen", options.Common, options.CloudDll);

    private Figures Figures => _scenario.Figures;

    public static Task<int> MainAsync(string[] args) => ScenarioEntry.RunAsync(args, CanteenBenchOptions.Usage, CanteenBenchOptions.Parse,
        options => BenchRun.CleanUp(options.Common), options => new CanteenBench(options).RunAsync());

    public Task<bool> RunAsync() => _scenario.RunAsync(async settings =>
    {
        using (var silo = await _scenario.StartSiloAsync(settings, "canteen-cloud"))
        {
            await using var client = await GrainClient.ConnectAsync(settings.GatewayPort);
            await _scenario.PartAsync($"(canteen) seeding {options.Children:#,0} children in {options.Families:#,0} families, {options.Schools} schools, taps from {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd}",
                () => SeedAsync(client.Grains, silo));
            using var agent = new AgentCalls(settings.Address);
            await agent.SignInAsync();
            await _scenario.PartAsync($"(canteen) count page data, {options.ReportCalls} calls each", () => CountPageAsync(agent));
            await _scenario.PartAsync($"(canteen) month close of {options.CloseMonth} through the Billing service", () => CloseMonthAsync(agent));
            _scenario.Memory(silo, "canteen_silo", "after seeding, reports and close");
            _scenario.DataSize(settings, "canteen_data_mb");
        }
        if (options.Restart)
            await _scenario.PartAsync("(canteen) cold reads after a restart of the silo on the same disk", () => AfterRestartAsync(settings));
    });

    private async Task SeedAsync(IGrainFactory grains, CanteenSilo silo)
    {
        var commune = new LargeCommune(options);
        var siloBefore = silo.Counters();
        var seeding = Stopwatch.StartNew();
        var rules = await commune.CreateAsync(grains);
        await LargeCommune.CreateAgentAsync(grains);

        var started = Stopwatch.GetTimestamp();
        await commune.RegisterFamiliesAsync(grains, options.Parallelism);
        var families = Stopwatch.GetElapsedTime(started);
        Figures.Add(new Figure("canteen_families_per_s", "(canteen) families registered", options.Families / families.TotalSeconds, "families/s",
            "", $"{options.Families:#,0} in {families.TotalSeconds:0.0} s"));

        started = Stopwatch.GetTimestamp();
        await commune.EnrolChildrenAsync(grains, options.Parallelism);
        var children = Stopwatch.GetElapsedTime(started);
        Figures.Add(new Figure("canteen_children_per_s", "(canteen) children enrolled (child, card, family, roster, commune)", options.Children / children.TotalSeconds, "children/s",
            "", $"{options.Children:#,0} in {children.TotalSeconds:0.0} s"));

        var year = new SchoolYearTaps(commune, rules, options.From, options.To);
        long taps = 0;
        var tapping = TimeSpan.Zero;
        var tapSilo = silo.Counters();
        foreach (var month in year.Months())
        {
            var batches = year.Of(month);
            var count = batches.Sum(b => (long)b.Taps.Count);
            started = Stopwatch.GetTimestamp();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism };
            // Every child's taps of the month first, then every flush: a school day that forty
            // children reached is then written once, not once per child.
            await Parallel.ForEachAsync(batches, parallel, async (batch, _) => await grains.GetGrain<IChildGrain>(batch.ChildId).RecordTaps(batch.Taps));
            var recorded = Stopwatch.GetElapsedTime(started);
            await Parallel.ForEachAsync(batches, parallel, async (batch, _) => await grains.GetGrain<IChildGrain>(batch.ChildId).Flush());
            var took = Stopwatch.GetElapsedTime(started);
            tapping += took;
            taps += count;
            Console.WriteLine($"  {month:yyyy-MM}: {count,9:#,0} taps of {batches.Count:#,0} children in {took.TotalSeconds,5:0.0} s (recorded {recorded.TotalSeconds:0.0} s, flushed {(took - recorded).TotalSeconds:0.0} s)");
        }
        var tapSpent = silo.Counters().Since(tapSilo);
        Figures.Add(new Figure("canteen_taps_per_s", "(canteen) taps applied and persisted through the grains", taps / tapping.TotalSeconds, "taps/s",
            "", $"{taps:#,0} taps in {tapping.TotalSeconds:0.0} s, one RecordTaps per child and month, then one Flush per child"));
        if (taps > 0)
        {
            Figures.Add(new Figure("canteen_tap_silo_cpu_ms_per_1000_taps", "(canteen) silo CPU per 1,000 taps", tapSpent.Cpu.TotalMilliseconds / taps * 1000, "ms",
                "", $"{tapSpent.Cpu.TotalSeconds / tapping.TotalSeconds:0.00} of {Environment.ProcessorCount} cores"));
            Figures.Add(new Figure("canteen_tap_silo_bytes_written_per_tap", "(canteen) silo bytes written to disk per tap", (double)tapSpent.WrittenBytes / taps, "B"));
        }
        seeding.Stop();
        var seedSpent = silo.Counters().Since(siloBefore);
        Figures.Add(new Figure("canteen_seed_s", "(canteen) whole seeding (commune, families, children, year of taps)", seeding.Elapsed.TotalSeconds, "s",
            "", $"silo CPU {seedSpent.Cpu.TotalSeconds:0} s, {SiloScenario.Megabytes(seedSpent.WrittenBytes):0} MB written"));
        _scenario.Memory(silo, "canteen_silo_seeded", "after seeding");
    }

    private async Task CountPageAsync(AgentCalls agent)
    {
        var school = $"{LargeCommune.InseeCode}-E01";
        var day = options.ReportDay.ToString("yyyy-MM-dd");
        var request = new SchoolDayReportRequest { SchoolId = school, Date = day };
        var (first, firstTook) = await agent.TimeAsync((headers, deadline) => agent.Reports.GetSchoolDayReportAsync(request, headers, deadline));
        var (report, schoolDay) = await agent.RepeatAsync(options.ReportCalls, (headers, deadline) => agent.Reports.GetSchoolDayReportAsync(request, headers, deadline));
        Console.WriteLine($"  {report.SchoolName}, {report.Date}: forecast {report.Forecast}, actual {report.Actual}, expected but absent {report.ExpectedAbsent.Count}, " +
            $"present without reservation {report.PresentUnreserved.Count}, allergy plans {report.Allergies.Count}{(report.ClosedReason.Length > 0 ? $", closed: {report.ClosedReason}" : "")}");
        Figures.Add(new Figure("canteen_school_day_p50_ms", "(canteen) GetSchoolDayReport p50 (one school, one day)", schoolDay.Percentile(50), "ms", "",
            $"first call {firstTook.TotalMilliseconds:0} ms, {first.Children.Count} children listed"));
        Figures.Add(new Figure("canteen_school_day_p99_ms", "(canteen) GetSchoolDayReport p99", schoolDay.Percentile(99), "ms"));

        var weekRequest = new WeekCountsRequest { CommuneInseeCode = LargeCommune.InseeCode, Date = day };
        var (_, weekFirst) = await agent.TimeAsync((headers, deadline) => agent.Reports.GetWeekCountsAsync(weekRequest, headers, deadline));
        var (week, weekly) = await agent.RepeatAsync(options.ReportCalls, (headers, deadline) => agent.Reports.GetWeekCountsAsync(weekRequest, headers, deadline));
        var forecast = week.Schools.Sum(s => s.Days.Sum(d => d.Forecast));
        var actual = week.Schools.Sum(s => s.Days.Sum(d => d.Actual));
        Console.WriteLine($"  week of {week.Days.FirstOrDefault()}: {week.Schools.Count} schools, forecast {forecast:#,0}, actual {actual:#,0}");
        Figures.Add(new Figure("canteen_week_p50_ms", $"(canteen) GetWeekCounts p50 ({week.Schools.Count} schools x {week.Days.Count} days)", weekly.Percentile(50), "ms", "",
            $"first call {weekFirst.TotalMilliseconds:0} ms"));
        Figures.Add(new Figure("canteen_week_p99_ms", "(canteen) GetWeekCounts p99", weekly.Percentile(99), "ms"));
    }

    private async Task CloseMonthAsync(AgentCalls agent)
    {
        var request = new CloseMonthRequest { CommuneInseeCode = LargeCommune.InseeCode, Month = options.CloseMonth };
        var (closed, took) = await agent.TimeAsync((headers, deadline) => agent.Billing.CloseMonthAsync(request, headers, deadline), minutes: 30);
        Figures.Add(new Figure("canteen_close_month_s", $"(canteen) month close, {options.CloseMonth} (first close)", took.TotalSeconds, "s", "",
            $"{closed.CreatedNow:#,0} invoices created, {closed.FamiliesWithNothingToBill:#,0} families with nothing to bill, {closed.TotalCents / 100m:#,0.00} EUR billed"));
        var (again, tookAgain) = await agent.TimeAsync((headers, deadline) => agent.Billing.CloseMonthAsync(request, headers, deadline), minutes: 30);
        Figures.Add(new Figure("canteen_close_again_ms", "(canteen) month close again (idempotent, creates nothing)", tookAgain.TotalMilliseconds, "ms", "",
            $"{again.CreatedNow} created, {again.Invoices.Count:#,0} invoices returned"));
        var (month, read) = await agent.TimeAsync((headers, deadline) => agent.Billing.GetMonthAsync(request, headers, deadline));
        Figures.Add(new Figure("canteen_get_month_ms", "(canteen) GetMonth of the closed month (the paid / unpaid table)", read.TotalMilliseconds, "ms", "",
            $"{month.Invoices.Count:#,0} invoices"));
    }

    private async Task AfterRestartAsync(CanteenSilo.Settings settings)
    {
        using var silo = await _scenario.RestartSiloAsync(settings, "canteen-cloud-restarted", "canteen_restart_s");
        using var agent = new AgentCalls(settings.Address);
        await agent.SignInAsync();
        var day = options.ReportDay.ToString("yyyy-MM-dd");
        var (_, week) = await agent.TimeAsync((headers, deadline) => agent.Reports.GetWeekCountsAsync(
            new WeekCountsRequest { CommuneInseeCode = LargeCommune.InseeCode, Date = day }, headers, deadline));
        Figures.Add(new Figure("canteen_cold_week_ms", "(canteen) first GetWeekCounts after restart (grains activated from disk)", week.TotalMilliseconds, "ms"));
        var (_, schoolDay) = await agent.TimeAsync((headers, deadline) => agent.Reports.GetSchoolDayReportAsync(
            new SchoolDayReportRequest { SchoolId = $"{LargeCommune.InseeCode}-E02", Date = day }, headers, deadline));
        Figures.Add(new Figure("canteen_cold_school_day_ms", "(canteen) first GetSchoolDayReport of another school after restart", schoolDay.TotalMilliseconds, "ms"));
        _scenario.Memory(silo, "canteen_silo_restarted", "after restart and the cold reads");
    }

}
