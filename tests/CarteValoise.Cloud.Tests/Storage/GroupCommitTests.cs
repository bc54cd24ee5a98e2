using System.Diagnostics;
using Orleans.Runtime;
using Xunit.Abstractions;
using Xunit;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>Concurrent writes share commits and fsyncs, and each is durable before it is acknowledged.</summary>
public sealed class GroupCommitTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_thousand_concurrent_writes_share_far_fewer_commits_and_each_is_synced_before_it_is_acknowledged()
    {
        const int writes = 1000;
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var notes = Enumerable.Range(0, writes)
            .Select(i => (Grain: GrainId.Create("note", $"n{i}"), State: new GrainState<Note>(new Note { Text = $"note {i}" })))
            .ToList();

        // Warm LiteDB and the serializer up first, so that the rate printed below is the writer's.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            storage.WriteStateAsync("warm-up", GrainId.Create("note", $"w{i}"), new GrainState<Note>(new Note()))));
        var (commitsBefore, syncsBefore, changesBefore) = (storage.Commits, storage.Syncs, storage.Changes);

        var clock = Stopwatch.StartNew();
        var acknowledged = notes.Select(async note =>
        {
            await storage.WriteStateAsync("note", note.Grain, note.State);
            // By the time a write is acknowledged, at least as many fsyncs as commits have happened.
            return (Commits: storage.Commits - commitsBefore, Syncs: storage.Syncs - syncsBefore);
        }).ToList();
        var seen = await Task.WhenAll(acknowledged);
        clock.Stop();

        var commits = storage.Commits - commitsBefore;
        Assert.Equal(writes, storage.Changes - changesBefore);
        Assert.All(seen, s => Assert.True(s.Commits >= 1 && s.Syncs >= s.Commits));
        Assert.True(commits <= writes / 10, $"{commits} commits for {writes} writes");
        output.WriteLine($"{writes} concurrent writes: {commits} commits, {storage.Syncs - syncsBefore} fsyncs, " +
                         $"{writes / clock.Elapsed.TotalSeconds:F0} writes/s");

        for (var i = 0; i < writes; i += 97)
        {
            var read = new GrainState<Note>(new Note());
            await storage.ReadStateAsync("note", notes[i].Grain, read);
            Assert.Equal($"note {i}", read.State!.Text);
            Assert.Equal("1", read.ETag);
        }
    }

    [Fact]
    public async Task Sequential_writes_of_one_grain_each_get_their_own_commit()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "seul");
        var state = new GrainState<Note>(new Note());

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 50; i++)
        {
            state.State!.Text = $"version {i}";
            await storage.WriteStateAsync("note", grain, state);
            Assert.Equal(i.ToString(), state.ETag);
        }
        clock.Stop();

        Assert.Equal(50, storage.Commits);
        output.WriteLine($"50 sequential writes (one fsync each): {50 / clock.Elapsed.TotalSeconds:F0} writes/s");
    }
}
