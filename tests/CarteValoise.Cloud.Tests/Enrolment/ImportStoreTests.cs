using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Domain.Enrolment;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CarteValoise.Cloud.Tests.Enrolment;

public sealed class ImportStoreTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(1)));

    [Fact]
    public void A_preview_is_found_under_its_id_with_its_commune_and_families()
    {
        var store = new ImportStore(time);
        var kept = store.Keep("95127", "agent.cergy@demo.cartevaloise.fr", canImport: true, [Family("1042", children: 2)]);

        var found = store.Find(kept.ImportId);

        Assert.Same(kept, found);
        Assert.Equal(("95127", "agent.cergy@demo.cartevaloise.fr", true, 1, 2), (found!.CommuneCode, found.ReadBy, found.CanImport, found.Families.Count, found.Children));
        Assert.Matches("^[0-9a-f]{32}$", kept.ImportId);
    }

    [Fact]
    public void Ids_are_not_reused_and_an_unknown_id_finds_nothing()
    {
        var store = new ImportStore(time);
        var ids = Enumerable.Range(0, 10).Select(_ => store.Keep("95127", "agent", true, [Family("1", 1)]).ImportId).ToList();

        Assert.Equal(10, ids.Distinct().Count());
        Assert.Null(store.Find("0123456789abcdef0123456789abcdef"));
        Assert.Null(store.Find(""));
    }

    [Fact]
    public void A_preview_is_kept_for_one_hour_and_no_longer()
    {
        var store = new ImportStore(time);
        var kept = store.Keep("95127", "agent", true, [Family("1042", 1)]);

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(store.Find(kept.ImportId));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(store.Find(kept.ImportId));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Past_the_limit_of_previews_the_oldest_is_forgotten_first()
    {
        var store = new ImportStore(time);
        var first = store.Keep("95127", "agent", true, [Family("1", 1)]);
        var second = store.Keep("95127", "agent", true, [Family("2", 1)]);
        for (var i = 2; i < ImportStore.MaxImports; i++) store.Keep("95127", "agent", true, [Family("x", 1)]);
        Assert.Equal(ImportStore.MaxImports, store.Count);

        var newest = store.Keep("95127", "agent", true, [Family("y", 1)]);

        Assert.Equal(ImportStore.MaxImports, store.Count);
        Assert.Null(store.Find(first.ImportId));
        Assert.NotNull(store.Find(second.ImportId));
        Assert.NotNull(store.Find(newest.ImportId));
    }

    [Fact]
    public void Past_the_limit_of_children_across_previews_the_oldest_are_forgotten()
    {
        var store = new ImportStore(time);
        var half = ImportStore.MaxChildren / 2;
        var first = store.Keep("95127", "agent", true, [Family("1", half)]);
        var second = store.Keep("95127", "agent", true, [Family("2", half)]);

        var third = store.Keep("95127", "agent", true, [Family("3", 1)]);

        Assert.Null(store.Find(first.ImportId));
        Assert.NotNull(store.Find(second.ImportId));
        Assert.NotNull(store.Find(third.ImportId));
    }

    [Fact]
    public void A_preview_with_errors_keeps_no_family()
    {
        var store = new ImportStore(time);

        var kept = store.Keep("95127", "agent", canImport: false, [Family("1042", 3)]);

        Assert.Equal((false, 0, 0), (kept.CanImport, kept.Families.Count, kept.Children));
    }

    private static ImportedFamily Family(string number, int children) => new(2, number, "MARTIN", "", "", "", "", "", 650, null,
        [.. Enumerable.Range(0, children).Select(i => new ImportedChild(2 + i, "MARTIN", $"Enfant {i}", new DateOnly(2018, 5, 3), "95127-E1", "", false, [], null))],
        []);
}
