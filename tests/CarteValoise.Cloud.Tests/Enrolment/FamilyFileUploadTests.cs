using System.Text;
using CarteValoise.Cloud.Services.Enrolment;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Enrolment;
using Google.Protobuf;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.Enrolment;

/// <summary>The file as the portal streams it, chunk after chunk, read by the Domain's import through a pipe.</summary>
public sealed class FamilyFileUploadTests
{
    private const string Header =
        "N° famille;Nom de famille;Quotient familial;Date du justificatif QF;Prénom de l'enfant;Date de naissance;École;Numéro de carte";

    private static readonly FamilyImportOptions Options =
        new(new SchoolDirectory([("95127-E1", "École élémentaire des Touleuses")]).Resolve, new DateOnly(2026, 12, 10)) { ProgressEvery = 100 };

    [Fact]
    public async Task A_file_in_small_chunks_reads_as_the_whole_file_and_reports_progress_up_to_its_size()
    {
        var file = Encoding.UTF8.GetBytes(Rows(250));
        var progress = new List<ImportProgress>();

        var preview = await Upload(file, chunkSize: 1000, update => progress.Add(update));

        Assert.Equal((250, 250, 0, 250), (preview.Totals.Rows, preview.Totals.Families, preview.Totals.Errors, preview.Families.Sum(f => f.Children.Count)));
        Assert.Equal("Noël", preview.Families[0].Children[0].FirstName);
        Assert.Equal([0, 100, 200, 250], progress.Select(p => p.RowsRead));
        Assert.All(progress, p => Assert.Equal(file.Length, p.TotalBytes));
        Assert.Equal(file.Length, progress[^1].BytesRead);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_in_french_once_it_passes_the_limit()
    {
        var chunk = new byte[1 << 20];
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            FamilyFileUpload.ReadAsync(new ImportChunk { CommuneInseeCode = "95127", Data = ByteString.CopyFrom(Encoding.UTF8.GetBytes(Header + "\n")) },
                new Chunks(Enumerable.Repeat(chunk, 21).Select(c => new ImportChunk { Data = ByteString.CopyFrom(c) })), Options, _ => Task.CompletedTask, CancellationToken.None));

        Assert.Equal((StatusCode.InvalidArgument, FamilyFileUpload.TooLarge), (refused.StatusCode, refused.Status.Detail));
    }

    [Fact]
    public async Task A_file_announced_over_20_MB_is_refused_before_it_is_read()
    {
        var rest = new Chunks([]);
        var refused = await Assert.ThrowsAsync<RpcException>(() => FamilyFileUpload.ReadAsync(
            new ImportChunk { CommuneInseeCode = "95127", TotalBytes = FamilyFileUpload.MaxBytes + 1 }, rest, Options, _ => Task.CompletedTask, CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(0, rest.Read);
    }

    [Fact]
    public async Task A_file_whose_first_line_names_no_column_is_answered_while_the_rest_is_received_and_dropped()
    {
        // More than the pipe holds: the Domain stops at the first line, and the upload must still end.
        var file = Encoding.UTF8.GetBytes("Nom;Prénom\n" + string.Concat(Enumerable.Repeat("MARTIN;Léa\n", 300_000)));

        var preview = await Upload(file, chunkSize: 64 * 1024, _ => { });

        Assert.StartsWith("Ligne 1 : il manque les colonnes obligatoires", Assert.Single(preview.Errors).Text);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task An_empty_file_is_an_error_of_the_preview()
    {
        var preview = await Upload([], chunkSize: 10, _ => { });

        Assert.Equal(["Le fichier est vide : il doit commencer par une ligne qui nomme les colonnes."], preview.Errors.Select(e => e.Text));
    }

    private static string Rows(int families) => Header + "\r\n" + string.Concat(Enumerable.Range(1, families).Select(i =>
        $"{1000 + i};MARTIN;650;15/09/2026;{(i == 1 ? "Noël" : "Léa")};03/05/2018;École élémentaire des Touleuses;04{i:D12}\r\n"));

    private static Task<FamilyImportPreview> Upload(byte[] file, int chunkSize, Action<ImportProgress> onProgress)
    {
        var chunks = file.Chunk(chunkSize).Select(c => new ImportChunk { Data = ByteString.CopyFrom(c) }).ToList();
        var first = chunks.Count > 0 ? chunks[0] : new ImportChunk();
        first.CommuneInseeCode = "95127";
        first.TotalBytes = file.Length;
        return FamilyFileUpload.ReadAsync(first, new Chunks(chunks.Skip(1)), Options, update =>
        {
            onProgress(update);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }

    /// <summary>The chunks after the first, as gRPC hands them to the service, counting what was read.</summary>
    private sealed class Chunks(IEnumerable<ImportChunk> chunks) : IAsyncStreamReader<ImportChunk>
    {
        private readonly IEnumerator<ImportChunk> rest = chunks.GetEnumerator();

        public int Read { get; private set; }

        public ImportChunk Current => rest.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (!rest.MoveNext()) return false;
            Read++;
            return true;
        }
    }
}
