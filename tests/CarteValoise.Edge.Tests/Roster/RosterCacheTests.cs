using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Edge.Tests.Support;

namespace CarteValoise.Edge.Tests.Roster;

public class RosterCacheTests : IDisposable
{
    private static readonly DateOnly April1 = new(2025, 4, 1);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static RosterChild Child(string uid, string name) => new(uid, "child-" + name, name, true, false, false);

    private static RosterUpdate Update(long version, bool full, RosterChild[] upserts, string[]? removed = null) =>
        new(version, full, upserts, removed ?? [], "École Jules Ferry", April1);

    [Fact]
    public async Task A_full_roster_replaces_a_delta_adds_and_removes_and_the_box_remembers_it_after_a_restart()
    {
        using (var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>()))
        {
            var roster = new RosterCache(store);
            await roster.LoadAsync();
            Assert.Equal(0, roster.Version);

            Assert.Equal(new RosterApplied(3, 2), await roster.ApplyAsync(Update(3, true, [Child("04A1B2C3", "Léa"), Child("04D4E5F6", "Hugo")])));
            Assert.Equal(new RosterApplied(4, 2), await roster.ApplyAsync(Update(4, false, [Child("04112233", "Inès")], ["04A1B2C3"])));
            Assert.Null(await roster.ApplyAsync(Update(4, false, [Child("04FFFFFF", "Replay")]))); // a replayed delta changes nothing
            Assert.Equal(new RosterApplied(2, 1), await roster.ApplyAsync(Update(2, true, [Child("04A1B2C3", "Léa")]))); // the cloud's full word wins
            Assert.Equal(new RosterApplied(5, 2), await roster.ApplyAsync(Update(5, false, [Child("04D4E5F6", "Hugo")])));
        }
        using (var store = BoxStore.Open(_directory.Path, new ListLogger<BoxStore>()))
        {
            var roster = new RosterCache(store);
            await roster.LoadAsync();
            Assert.Equal(5, roster.Version);
            Assert.Equal(April1, roster.ServiceDate);
            Assert.Equal("École Jules Ferry", roster.SchoolName);
            Assert.Equal(["04A1B2C3", "04D4E5F6"], roster.CardUids.Order());
        }
    }
}
