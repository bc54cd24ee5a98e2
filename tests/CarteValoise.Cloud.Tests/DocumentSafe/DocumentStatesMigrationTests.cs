using CarteValoise.Cloud.Migration;
using CarteValoise.Cloud.Tests.Storage;
using CarteValoise.Grains.DocumentSafe;
using Xunit;

namespace CarteValoise.Cloud.Tests.DocumentSafe;

/// <summary>
/// `export` and `import` move the safe's grain states like any other: each state name leads to its
/// type, and its bytes read back as the same state. (The documents' encrypted contents are in their
/// own store, which these commands do not move.)
/// </summary>
public sealed class DocumentStatesMigrationTests : IAsyncDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly MigrationHost _host;

    public DocumentStatesMigrationTests()
    {
        Directory.CreateDirectory(_folder.Path);
        _host = MigrationHost.Build([$"--DataDirectory={_folder.Path}"]);
    }

    [Fact]
    public void The_safe_s_state_is_known_by_its_name_and_its_bytes_read_back_the_same()
    {
        var type = _host.StateTypes.For(GrainId.Create("documentsafe", "lea@exemple.fr"), "documentsafe");
        var copy = new SubmittedDocument("d1", "DOS-95127-2026-000012", "95127", "lea@exemple.fr", "justificatif-domicile", "Justificatif de domicile",
            "quittance.pdf", "application/pdf", 620, new DateOnly(2026, 11, 5), new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var state = new DocumentSafeState
        {
            Documents = [new StoredDocument("d1", "justificatif-domicile", "Justificatif de domicile", "quittance.pdf", "application/pdf", 620,
                new DateOnly(2026, 11, 5), new DateOnly(2027, 2, 4), new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero))],
            Submitted = { ["DOS-95127-2026-000012"] = [new FrozenCopy(copy, new DateOnly(2027, 2, 4))] },
        };
        var codec = StateCodec.For(type, _host.Serializer);

        var read = (DocumentSafeState)codec.Deserialize(codec.Serialize(state));

        Assert.Equal(typeof(DocumentSafeState), type);
        Assert.Equal(state.Documents, read.Documents);
        Assert.Equal(state.Submitted["DOS-95127-2026-000012"], read.Submitted["DOS-95127-2026-000012"]);
    }

    [Fact]
    public void The_index_of_submitted_copies_is_known_by_its_name_too()
    {
        Assert.Equal(typeof(SubmittedDocumentsState),
            _host.StateTypes.For(GrainId.Create("submitteddocuments", "DOS-95127-2026-000012"), "submitteddocuments"));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }
}
