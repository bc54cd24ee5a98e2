using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Cluster;
using CarteValoise.Benchmarks.Demarches;
using CarteValoise.Benchmarks.Running;

// The reader-box benchmark (issue 3), or with `canteen` first the canteen benchmark (issue 4), or
// with `cluster` first the end-to-end part on PostgreSQL and a cluster beside the embedded default
// (issue 5), or with `demarches` first the queue and statistics of a commune's 50,000 requests
// (issue 7): figures and the targets beside them, nothing asserted.
// Exit code 0 when every part ran, 1 when one could not, 2 on a bad flag.
return args.FirstOrDefault() switch
{
    "canteen" => await CanteenBench.MainAsync(args[1..]),
    "cluster" => await ClusterBench.MainAsync(args[1..]),
    "demarches" => await DemarchesBench.MainAsync(args[1..]),
    _ => await ScenarioEntry.RunAsync(args, BenchOptions.Usage, BenchOptions.Parse, BenchRun.CleanUp, options => new BenchRun(options).RunAsync()),
};
