using System.Diagnostics;
using Xunit.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>Grains on a real silo keep their state in the LiteDB file.</summary>
public sealed class LiteDbGrainStorageClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_new_activation_reads_what_the_previous_one_wrote()
    {
        await using var cluster = await StorageCluster.StartAsync(_directory.File("grains.db"));
        var tally = cluster.Grains.GetGrain<ITallyGrain>("école-1");
        await tally.Add(3);
        await tally.Add(4);

        await cluster.DeactivateAsync(tally);

        Assert.Equal(7, await tally.GetTotal());
        Assert.Equal(2, await tally.GetEntryCount());
        Assert.True(await tally.IsStored());
    }

    [Fact]
    public async Task A_cleared_grain_starts_afresh_in_its_next_activation()
    {
        await using var cluster = await StorageCluster.StartAsync(_directory.File("grains.db"));
        var tally = cluster.Grains.GetGrain<ITallyGrain>("école-2");
        await tally.Add(5);

        await tally.Clear();
        await cluster.DeactivateAsync(tally);

        Assert.Equal(0, await tally.GetTotal());
        Assert.False(await tally.IsStored());
        await tally.Add(1);
        await cluster.DeactivateAsync(tally);
        Assert.Equal(1, await tally.GetTotal());
    }

    [Fact]
    public async Task The_state_survives_a_restart_of_the_silo_on_the_same_file()
    {
        var path = _directory.File("grains.db");
        await using (var first = await StorageCluster.StartAsync(path))
        {
            await first.Grains.GetGrain<ITallyGrain>("a").Add(10);
            await first.Grains.GetGrain<ITallyGrain>("b").Add(20);
        }

        await using var second = await StorageCluster.StartAsync(path);
        Assert.Equal(10, await second.Grains.GetGrain<ITallyGrain>("a").GetTotal());
        Assert.Equal(20, await second.Grains.GetGrain<ITallyGrain>("b").GetTotal());
    }

    [Fact]
    public async Task Two_hundred_grains_writing_twenty_times_at_once_all_end_exact()
    {
        const int grains = 200, writesEach = 20;
        await using var cluster = await StorageCluster.StartAsync(_directory.File("grains.db"));
        var tallies = Enumerable.Range(0, grains).Select(i => cluster.Grains.GetGrain<ITallyGrain>($"t{i}")).ToList();
        var commitsBefore = cluster.Storage.Commits;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(tallies.SelectMany(tally => Enumerable.Range(1, writesEach).Select(tally.Add)));
        clock.Stop();

        var commits = cluster.Storage.Commits - commitsBefore;
        output.WriteLine($"{grains} grains x {writesEach} writes through the silo: {grains * writesEach / clock.Elapsed.TotalSeconds:F0} writes/s, " +
                         $"{commits} commits");

        await Task.WhenAll(tallies.Select(cluster.DeactivateAsync));
        var expectedTotal = Enumerable.Range(1, writesEach).Sum();
        var totals = await Task.WhenAll(tallies.Select(t => t.GetTotal()));
        var counts = await Task.WhenAll(tallies.Select(t => t.GetEntryCount()));
        Assert.All(totals, total => Assert.Equal(expectedTotal, total));
        Assert.All(counts, count => Assert.Equal(writesEach, count));
    }
}
