using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Benchmarks.Cluster;
using CarteValoise.Benchmarks.Demarches;
using CarteValoise.Benchmarks.Processes;
using CarteValoise.Benchmarks.Running;

// The reader-box benchmark (issue 3), or with `canteen` first the canteen benchmark (issue 4), or
// with `cluster` first the end-to-end part on PostgreSQL and a cluster beside the embedded default
// (issue 5), or with `demarches` first the queue and statistics of a commune's 50,000 requests
// (issue 7): figures and the targets beside them, nothing asserted.
// Exit code 0 when every part ran, 1 when one could not, 2 on a bad flag.
if (args.FirstOrDefault() == "canteen")
{
    return await CanteenBench.MainAsync(args[1..]);
}
if (args.FirstOrDefault() == "cluster")
{
    return await ClusterBench.MainAsync(args[1..]);
}
if (args.FirstOrDefault() == "demarches")
{
    return await DemarchesBench.MainAsync(args[1..]);
}
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (UsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
ChildProcesses.KillOnExit(afterwards: () => BenchRun.CleanUp(options));

try
{
    return await new BenchRun(options).RunAsync() ? 0 : 1;
}
finally
{
    ChildProcesses.KillAll();
}
