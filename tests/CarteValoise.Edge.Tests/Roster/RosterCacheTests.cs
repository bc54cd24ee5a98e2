using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Tests.Support;

namespace CarteValoise.Edge.Tests.Roster;

public class RosterCacheTests : IDisposable
{
    private static readonly DateOnly April1 = new(2025, 4, 1);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static RosterChild Child(string uid, string name, bool care = false) => new(uid, "child-" + name, name, true, false, false, care);

    private static RosterUpdate Update(long version, bool full, RosterChild[] upserts, string[]? removed = null) =>
        new(version, full, upserts, removed ?? [], "École Jules Ferry", April1);

    private BoxStore Open() => BoxStore.Open(_directory.Path, new ListLogger<BoxStore>());

    [Fact]
    public async Task A_full_roster_replaces_a_delta_adds_and_removes_and_the_box_remembers_it_after_a_restart()
    {
        using (var store = Open())
        {
            var roster = new RosterCache(store);
            await roster.LoadAsync();
            Assert.Equal(0, roster.Version);

            Assert.Equal(new RosterApplied(RosterOutcome.Applied, 3, 2), await roster.ApplyAsync(Update(3, true, [Child("04A1B2C3", "Léa"), Child("04D4E5F6", "Hugo")]), onTopOf: 0));
            Assert.Equal(new RosterApplied(RosterOutcome.Applied, 4, 2), await roster.ApplyAsync(Update(4, false, [Child("04112233", "Inès", care: true)], ["04A1B2C3"]), onTopOf: 3));
            Assert.Equal(new RosterApplied(RosterOutcome.AlreadyHeld, 4, 2), await roster.ApplyAsync(Update(4, false, [Child("04FFFFFF", "Replay")]), onTopOf: 4));
            Assert.Equal(new RosterApplied(RosterOutcome.Applied, 2, 1), await roster.ApplyAsync(Update(2, true, [Child("04A1B2C3", "Léa")]), onTopOf: 4)); // the cloud's full word wins
            Assert.Equal(new RosterApplied(RosterOutcome.Applied, 5, 3), await roster.ApplyAsync(Update(5, false, [Child("04D4E5F6", "Hugo"), Child("04112233", "Inès", care: true)]), onTopOf: 2));
        }
        using (var store = Open())
        {
            var roster = new RosterCache(store);
            await roster.LoadAsync();
            Assert.Equal(5, roster.Version);
            Assert.Equal(April1, roster.ServiceDate);
            Assert.Equal("École Jules Ferry", roster.SchoolName);
            Assert.Equal(["04112233", "04A1B2C3", "04D4E5F6"], roster.CardUids.Order());
            var ines = await store.ReadAsync(db => RosterCache.Find(db, "04112233"));
            Assert.Equal(new RosterChild("04112233", "child-Inès", "Inès", true, false, false, CareToday: true), ines);
        }
    }

    [Fact]
    public async Task A_partial_update_made_for_another_version_than_the_one_held_changes_nothing()
    {
        using var store = Open();
        var roster = new RosterCache(store);
        await roster.ApplyAsync(Update(3, true, [Child("04A1B2C3", "Léa")]), onTopOf: 0);

        // Made for version 1 (the cloud thinks the box is behind): adding Hugo on top of 3 would mix two lists.
        Assert.Equal(new RosterApplied(RosterOutcome.NotOnTop, 3, 1), await roster.ApplyAsync(Update(4, false, [Child("04D4E5F6", "Hugo")], ["04A1B2C3"]), onTopOf: 1));
        Assert.Equal(3, roster.Version);
        Assert.Equal(["04A1B2C3"], roster.CardUids);

        // A full roster needs no base: it replaces everything.
        Assert.Equal(new RosterApplied(RosterOutcome.Applied, 4, 1), await roster.ApplyAsync(Update(4, true, [Child("04D4E5F6", "Hugo")]), onTopOf: 1));
        Assert.Equal(["04D4E5F6"], roster.CardUids);
    }

    [Fact]
    public async Task A_new_box_takes_a_big_school_s_whole_roster_at_once()
    {
        using var store = Open();
        var roster = new RosterCache(store);
        var children = Enumerable.Range(0, 4_000).Select(i => Child($"04{i:X6}", $"Enfant {i}")).ToArray();

        Assert.Equal(new RosterApplied(RosterOutcome.Applied, 1, 4_000), await roster.ApplyAsync(Update(1, true, children), onTopOf: 0));
        Assert.Equal(new RosterApplied(RosterOutcome.Applied, 2, 3_999), await roster.ApplyAsync(Update(2, true, children[1..]), onTopOf: 1));
    }
}
