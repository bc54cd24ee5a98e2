using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Grains.Tests.DocumentSafe;

[Collection(ClusterCollection.Name)]
public sealed class DocumentSafeGrainTests(ClusterFixture fixture)
{
    private const long Quota = 1_000;

    private static string NewAccount() => $"{Guid.NewGuid():N}@exemple.fr";

    private IDocumentSafeGrain Safe(string account) => fixture.Grains.GetGrain<IDocumentSafeGrain>(account);

    private static StoredDocument Document(string id, long size = 100, string type = "justificatif-domicile", string name = "quittance.pdf") =>
        new(id, type, "Justificatif de domicile", name, "application/pdf", size, new DateOnly(2026, 11, 5), new DateOnly(2027, 2, 4),
            new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_document_added_twice_with_the_same_id_is_kept_once_and_counts_once()
    {
        var safe = Safe(NewAccount());

        await safe.Add(Document("d1", 300), Quota);
        await safe.Add(Document("d1", 300), Quota);
        await safe.Add(Document("d2", 200), Quota);

        var contents = await safe.GetContents();
        Assert.Equal(["d1", "d2"], contents.Documents.Select(d => d.DocumentId));
        Assert.Equal(500, contents.UsedBytes);
        Assert.Equal(Document("d2", 200), await safe.Get("d2"));
    }

    [Fact]
    public async Task A_document_over_the_quota_is_refused_in_french_and_nothing_is_added()
    {
        var safe = Safe(NewAccount());
        await safe.Add(Document("d1", 900), Quota);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => safe.Add(Document("d2", 101), Quota));

        Assert.Equal("Ce document (101 octets) ne tient pas dans votre espace : 900 octets sont déjà utilisés sur 1000 octets. " +
                     "Supprimez des documents dont vous n'avez plus besoin, puis envoyez-le à nouveau.", refused.Message);
        Assert.Equal(["d1"], (await safe.GetContents()).Documents.Select(d => d.DocumentId));
        await safe.Add(Document("d3", 100), Quota);
    }

    [Fact]
    public async Task A_frozen_copy_stays_as_submitted_when_the_document_is_deleted_and_its_content_is_kept()
    {
        var account = NewAccount();
        var safe = Safe(account);
        await safe.Add(Document("d1", 300, name: "quittance-novembre.pdf"), Quota);
        await safe.Add(Document("d2", 200, type: "livret-famille", name: "livret.pdf"), Quota);

        var copies = await safe.FreezeForRequest("DOS-95127-2026-000012", "95127", ["d1"]);
        var removed = await safe.Remove("d1");
        var removedUnsubmitted = await safe.Remove("d2");

        var copy = Assert.Single(copies);
        Assert.Equal(new SubmittedDocument("d1", "DOS-95127-2026-000012", "95127", account, "justificatif-domicile", "Justificatif de domicile",
            "quittance-novembre.pdf", "application/pdf", 300, new DateOnly(2026, 11, 5), fixture.Time.GetUtcNow()), copy);
        Assert.Equal((Document("d1", 300, name: "quittance-novembre.pdf"), true), (removed.Removed, removed.ContentStillSubmitted));
        Assert.False(removedUnsubmitted.ContentStillSubmitted);
        Assert.Equal(copies, await safe.GetSubmitted("DOS-95127-2026-000012"));
        Assert.Equal([new FrozenCopy(copy, new DateOnly(2027, 2, 4))], await fixture.Grains.GetGrain<ISubmittedDocumentsGrain>("DOS-95127-2026-000012").Get());
        Assert.Equal([new FrozenCopy(copy, new DateOnly(2027, 2, 4))], await safe.GetAllSubmitted());
        Assert.Empty((await safe.GetContents()).Documents);
        Assert.Equal(0, (await safe.GetContents()).UsedBytes);
    }

    [Fact]
    public async Task Freezing_again_for_the_same_request_returns_the_same_copies()
    {
        var safe = Safe(NewAccount());
        await safe.Add(Document("d1"), Quota);
        await safe.Add(Document("d2"), Quota);
        var first = await safe.FreezeForRequest("DOS-95500-2026-000001", "95500", ["d1", "d1"]);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var again = await safe.FreezeForRequest("DOS-95500-2026-000001", "95500", ["d1", "d2"]);

        Assert.Equal(first, again);
        Assert.Equal(["d1"], again.Select(c => c.DocumentId));
        Assert.Empty(await safe.GetSubmitted("DOS-95500-2026-000002"));
    }

    [Fact]
    public async Task A_document_no_longer_in_the_safe_cannot_be_submitted_and_nothing_is_copied()
    {
        var safe = Safe(NewAccount());
        await safe.Add(Document("d1"), Quota);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => safe.FreezeForRequest("DOS-95018-2026-000003", "95018", ["d1", "gone"]));

        Assert.Equal("Un des documents choisis n'est plus dans votre espace de documents (supprimé entre-temps ?) : choisissez-en un autre ou ajoutez-le à nouveau.", refused.Message);
        Assert.Empty(await safe.GetSubmitted("DOS-95018-2026-000003"));
        Assert.Empty(await fixture.Grains.GetGrain<ISubmittedDocumentsGrain>("DOS-95018-2026-000003").Get());
    }

    [Fact]
    public async Task Two_accounts_cannot_submit_under_the_same_request_reference()
    {
        var first = Safe(NewAccount());
        var second = Safe(NewAccount());
        var requestRef = $"DOS-95127-2026-{Random.Shared.Next(100_000, 999_999)}";
        await first.Add(Document("a"), Quota);
        await second.Add(Document("b"), Quota);
        await first.FreezeForRequest(requestRef, "95127", ["a"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => second.FreezeForRequest(requestRef, "95127", ["b"]));

        Assert.Equal(["a"], (await fixture.Grains.GetGrain<ISubmittedDocumentsGrain>(requestRef).Get()).Select(c => c.Copy.DocumentId));
    }

    [Fact]
    public async Task Removing_what_is_not_there_changes_nothing()
    {
        var safe = Safe(NewAccount());

        var removal = await safe.Remove("never");

        Assert.Equal(new DocumentRemoval(null, false), removal);
    }
}
