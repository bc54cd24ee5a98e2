using CarteValoise.Cloud.Storage;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;

namespace CarteValoise.Cloud.Tests.Storage;

/// <summary>The provider's promises, asked of it directly.</summary>
public sealed class LiteDbGrainStorageTests : IDisposable
{
    private const string StateName = "note";
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "a");

        var written = new GrainState<Note>(new Note { Text = "Cantine lundi" });
        await storage.WriteStateAsync(StateName, grain, written);

        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("Cantine lundi", read.State!.Text);
        Assert.Equal("1", written.ETag);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_new_without_etag()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));

        var read = new GrainState<Note>(new Note { Text = "reste d'avant" });
        await storage.ReadStateAsync(StateName, GrainId.Create("note", "absent"), read);

        Assert.Equal("", read.State!.Text);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_the_second_conflicts_and_the_first_is_kept()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "a");
        await storage.WriteStateAsync(StateName, grain, new GrainState<Note>(new Note { Text = "v1" }));

        var first = new GrainState<Note>(new Note { Text = "premier" }, "1");
        var second = new GrainState<Note>(new Note { Text = "second" }, "1");
        // Both queued before either is committed: the conflict is found inside one batch.
        var firstWrite = storage.WriteStateAsync(StateName, grain, first);
        var secondWrite = storage.WriteStateAsync(StateName, grain, second);

        await firstWrite;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => secondWrite);
        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal("2", first.ETag);
        Assert.Equal("1", second.ETag);

        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("premier", read.State!.Text);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_conflicts_after_the_fact_too()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "a");
        var current = new GrainState<Note>(new Note { Text = "v1" });
        await storage.WriteStateAsync(StateName, grain, current);
        await storage.WriteStateAsync(StateName, grain, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grain, new GrainState<Note>(new Note { Text = "périmé" }, "1")));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
    }

    [Fact]
    public async Task Creating_a_record_with_an_etag_conflicts()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "nouveau");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grain, new GrainState<Note>(new Note { Text = "x" }, "3")));

        Assert.Null(conflict.StoredEtag);
        Assert.Equal("3", conflict.CurrentEtag);
        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_new_and_an_etag_from_before_the_clear_conflicts()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "a");
        var state = new GrainState<Note>(new Note { Text = "à effacer" });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Text);
        Assert.Equal("2", state.ETag);

        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Text);
        Assert.Equal("2", read.ETag);

        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grain, new GrainState<Note>(new Note { Text = "périmé" }, "1")));
        Assert.Equal("2", stale.StoredEtag);

        read.State!.Text = "après";
        await storage.WriteStateAsync(StateName, grain, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_conflicts_and_keeps_the_state()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var grain = GrainId.Create("note", "a");
        var state = new GrainState<Note>(new Note { Text = "gardé" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.ClearStateAsync(StateName, grain, new GrainState<Note>(new Note(), "1")));

        Assert.Equal("2", conflict.StoredEtag);
        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("gardé", read.State!.Text);
    }

    [Fact]
    public async Task A_change_LiteDB_refuses_fails_alone_and_the_changes_queued_with_it_are_kept()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        // Keep the writer busy so that the next three changes are likely to share one transaction.
        var busy = Enumerable.Range(0, 300)
            .Select(i => storage.WriteStateAsync(StateName, GrainId.Create("note", $"n{i}"), new GrainState<Note>(new Note())))
            .ToList();

        var before = storage.WriteStateAsync(StateName, GrainId.Create("note", "avant"), new GrainState<Note>(new Note { Text = "gardé 1" }));
        // LiteDB refuses ids over 1023 bytes.
        var refused = storage.WriteStateAsync(StateName, GrainId.Create("note", new string('x', 2000)), new GrainState<Note>(new Note()));
        var after = storage.WriteStateAsync(StateName, GrainId.Create("note", "après"), new GrainState<Note>(new Note { Text = "gardé 2" }));

        await Task.WhenAll(busy);
        await before;
        await after;
        await Assert.ThrowsAsync<LiteDB.LiteException>(() => refused);
        Assert.Equal("gardé 1", await ReadText(storage, StateName, GrainId.Create("note", "avant")));
        Assert.Equal("gardé 2", await ReadText(storage, StateName, GrainId.Create("note", "après")));
    }

    [Fact]
    public async Task States_of_different_names_and_grains_stay_apart_even_when_keys_differ_only_in_case()
    {
        await using var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        var a = GrainId.Create("note", "a");
        var capitalA = GrainId.Create("note", "A");
        var b = GrainId.Create("note", "b");
        await storage.WriteStateAsync("x|y", a, new GrainState<Note>(new Note { Text = "1" }));
        await storage.WriteStateAsync("x", a, new GrainState<Note>(new Note { Text = "2" }));
        await storage.WriteStateAsync("x", b, new GrainState<Note>(new Note { Text = "3" }));
        await storage.WriteStateAsync("x", capitalA, new GrainState<Note>(new Note { Text = "4" }));

        Assert.Equal("1", await ReadText(storage, "x|y", a));
        Assert.Equal("2", await ReadText(storage, "x", a));
        Assert.Equal("3", await ReadText(storage, "x", b));
        Assert.Equal("4", await ReadText(storage, "x", capitalA));
    }

    [Fact]
    public async Task The_state_survives_closing_and_reopening_the_file_and_missing_folders_are_created()
    {
        var path = Path.Combine(_directory.Path, "données", "silo", "grains.db");
        var grain = GrainId.Create("note", "a");
        await using (var storage = await DirectStorage.OpenAsync(path))
        {
            await storage.WriteStateAsync(StateName, grain, new GrainState<Note>(new Note { Text = "avant redémarrage" }));
        }

        await using var reopened = await DirectStorage.OpenAsync(path);
        var read = new GrainState<Note>(new Note());
        await reopened.ReadStateAsync(StateName, grain, read);
        Assert.Equal("avant redémarrage", read.State!.Text);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Every_acknowledged_write_is_recovered_from_files_left_by_a_silo_that_died_without_closing()
    {
        var livePath = Path.Combine(_directory.Path, "vivant", "grains.db");
        var crashedDirectory = Path.Combine(_directory.Path, "après-crash");
        var storage = await DirectStorage.OpenAsync(livePath);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                storage.WriteStateAsync(StateName, GrainId.Create("note", $"n{i}"), new GrainState<Note>(new Note { Text = $"note {i}" }))));

            // What a killed process leaves behind: the files as the kernel holds them, the log not
            // checkpointed. cp ignores the advisory lock the open storage holds.
            Directory.CreateDirectory(crashedDirectory);
            CopyFile(livePath, crashedDirectory);
            CopyFile(Path.Combine(Path.GetDirectoryName(livePath)!, "grains-log.db"), crashedDirectory);
            Assert.NotEqual(0, new FileInfo(Path.Combine(crashedDirectory, "grains-log.db")).Length);
        }
        finally
        {
            await storage.DisposeAsync();
        }

        await using var recovered = await DirectStorage.OpenAsync(Path.Combine(crashedDirectory, "grains.db"));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal($"note {i}", await ReadText(recovered, StateName, GrainId.Create("note", $"n{i}")));
        }
    }

    [Fact]
    public async Task A_log_grown_past_the_checkpoint_is_moved_into_the_data_file_with_syncs()
    {
        var path = _directory.File("grains.db");
        var text = new string('é', 4000);
        await using (var storage = await DirectStorage.OpenAsync(path))
        {
            // About 8 KB of log per state: 1 500 of them pass LiteDB's checkpoint threshold of 1 000 pages.
            for (var round = 0; round < 15; round++)
            {
                await Task.WhenAll(Enumerable.Range(round * 100, 100).Select(i =>
                    storage.WriteStateAsync(StateName, GrainId.Create("note", $"n{i}"), new GrainState<Note>(new Note { Text = $"{i} {text}" }))));
            }

            // One sync when the file was created, one per commit, and two per checkpoint: the data
            // file, then the truncated log.
            Assert.True(storage.Syncs >= 1 + storage.Commits + 2, $"{storage.Syncs} syncs for {storage.Commits} commits");
            Assert.True(new FileInfo(_directory.File("grains-log.db")).Length < 1000 * 8192);
        }

        await using var reopened = await DirectStorage.OpenAsync(path);
        for (var i = 0; i < 1500; i += 37)
        {
            Assert.Equal($"{i} {text}", await ReadText(reopened, StateName, GrainId.Create("note", $"n{i}")));
        }
    }

    [Fact]
    public async Task A_second_storage_cannot_open_a_file_already_open()
    {
        var path = _directory.File("grains.db");
        await using var storage = await DirectStorage.OpenAsync(path);

        var refused = await Assert.ThrowsAsync<IOException>(() => DirectStorage.OpenAsync(path));

        Assert.Contains("déjà ouvert", refused.Message);
    }

    [Fact]
    public async Task A_closed_storage_refuses_writes()
    {
        var storage = await DirectStorage.OpenAsync(_directory.File("grains.db"));
        await storage.DisposeAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.WriteStateAsync(StateName, GrainId.Create("note", "a"), new GrainState<Note>(new Note())));

        Assert.Contains("fermé", refused.Message);
    }

    private static void CopyFile(string file, string directory)
    {
        using var copy = System.Diagnostics.Process.Start("cp", [file, directory]);
        copy.WaitForExit();
        Assert.Equal(0, copy.ExitCode);
    }

    private static async Task<string> ReadText(LiteDbGrainStorage storage, string stateName, GrainId grain)
    {
        var read = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(stateName, grain, read);
        return read.State!.Text;
    }
}
