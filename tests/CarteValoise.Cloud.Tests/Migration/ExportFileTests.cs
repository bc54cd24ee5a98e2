using System.Text;
using CarteValoise.Cloud.Migration;
using CarteValoise.Cloud.Storage;
using CarteValoise.Cloud.Tests.Storage;
using Orleans.Runtime;
using Xunit;

namespace CarteValoise.Cloud.Tests.Migration;

/// <summary>The export file on its own: what is written is read back, and a damaged file is refused whole.</summary>
public sealed class ExportFileTests : IDisposable
{
    private static readonly DateTimeOffset WrittenAt = new(2026, 9, 1, 8, 30, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory folder = new();
    private readonly string path;

    public ExportFileTests()
    {
        Directory.CreateDirectory(folder.Path);
        path = folder.File("cartevaloise.export");
    }

    private static readonly ExportedState[] States =
    [
        new("family", "family/95127-F001", "CarteValoise.Grains.Families.FamilyState, CarteValoise.Grains", [1, 2, 3, 0, 255]),
        new("family", "family/95127-F002", "CarteValoise.Grains.Families.FamilyState, CarteValoise.Grains", []),
        new("schoolday", "schoolday/95127-E1/2026-09-01", "CarteValoise.Grains.Canteen.SchoolDayState, CarteValoise.Grains", [42]),
    ];

    [Fact]
    public void What_is_written_is_read_back_in_order_with_its_header()
    {
        Write(States);

        var file = ExportFileReader.Open(path);

        Assert.Equal((ExportFormat.Name, ExportFormat.Version, WrittenAt, "carte", ExportFormat.OrleansBinary, 3L),
            (file.Header.Format, file.Header.Version, file.Header.WrittenAt, file.Header.Storage, file.Header.Serializer, file.Header.Records));
        Assert.Equal(new Dictionary<string, long> { ["family"] = 2, ["schoolday"] = 1 }, file.Header.States);
        var read = file.Records().ToList();
        Assert.Equal(States.Select(s => (s.State, s.Grain, s.Type)), read.Select(s => (s.State, s.Grain, s.Type)));
        Assert.Equal(States.Select(s => s.Data), read.Select(s => s.Data));
        Assert.False(File.Exists(path + ".partiel"));
    }

    [Fact]
    public void A_file_cut_short_is_refused()
    {
        Write(States);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var refusal = Assert.Throws<MigrationFailure>(() => ExportFileReader.Open(path));

        Assert.Equal((MigrationExitCodes.CorruptFile, $"Le fichier d'export « {path} » est corrompu : il ne se termine pas par sa ligne de fin (coupé en cours d'écriture ?). Rien n'a été écrit."),
            (refusal.ExitCode, refusal.Message));
    }

    [Fact]
    public void A_state_dropped_from_the_middle_is_refused_by_the_checksum()
    {
        Write(States);
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        File.WriteAllText(path, string.Join('\n', lines.Where((_, i) => i != 2)), new UTF8Encoding(false));

        var refusal = Assert.Throws<MigrationFailure>(() => ExportFileReader.Open(path));

        Assert.Equal(MigrationExitCodes.CorruptFile, refusal.ExitCode);
        Assert.StartsWith($"Le fichier d'export « {path} » est corrompu : sa somme SHA-256 ne correspond pas à son contenu (annoncée ", refusal.Message);
    }

    [Fact]
    public void An_export_that_does_not_finish_leaves_no_file()
    {
        using (var writer = ExportFileWriter.Create(path, Header(States)))
            writer.Write(States[0]);

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("carte", "family")]
    [InlineData("a|b", "c\\|d")]
    [InlineData("\\", "|")]
    public void A_LiteDB_key_gives_back_its_storage_state_and_grain(string storage, string state)
    {
        var grain = GrainId.Create("schoolday", "95127-E1/2026-09-01");

        var parsed = LiteDbSnapshot.ParseKey(GrainStateKey.For(storage, state, grain));

        Assert.Equal((storage, state, "schoolday/95127-E1/2026-09-01"), parsed);
    }

    private void Write(IReadOnlyList<ExportedState> states)
    {
        using var writer = ExportFileWriter.Create(path, Header(states));
        foreach (var state in states) writer.Write(state);
        writer.Complete();
    }

    private static ExportHeader Header(IReadOnlyList<ExportedState> states) =>
        new(ExportFormat.Name, ExportFormat.Version, WrittenAt, "carte", ExportFormat.OrleansBinary, states.Count,
            states.GroupBy(s => s.State).ToDictionary(g => g.Key, g => (long)g.Count()));

    public void Dispose() => folder.Dispose();
}
