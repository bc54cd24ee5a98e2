using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CarteValoise.Cloud.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The documents' encrypted contents, beside an export as <c>&lt;export&gt;.documents</c>: UTF-8 JSON
/// lines — a header <c>{"format":"cartevaloise-document-contents","version":1,"records":n}</c>, one
/// <c>{"id":…,"sealed":"&lt;base64&gt;"}</c> per content, and a trailer
/// <c>{"end":"cartevaloise-document-contents","records":n,"sha256":…}</c> of every byte before it.
/// The contents travel sealed, as the store keeps them: the cluster must be given the key they were
/// sealed with (<c>DocumentSafe:Key</c>).
/// </summary>
internal static class DocumentContentsFile
{
    public const string Format = "cartevaloise-document-contents";
    public const int Version = 1;

    public static string PathFor(string exportPath) => exportPath + ".documents";

    public sealed record Header(string Format, int Version, long Records);

    public sealed record Content(string Id, byte[] Sealed);

    public sealed record Trailer(string End, long Records, string Sha256);

    /// <summary>Writes under a temporary name, and gives the file its name once whole and on disk.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<string> ids, Func<string, Task<byte[]?>> read)
    {
        var partial = path + ".partiel";
        try
        {
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                void Line<T>(T value)
                {
                    var bytes = JsonSerializer.SerializeToUtf8Bytes(value, ExportFormat.Json);
                    file.Write(bytes);
                    file.Write("\n"u8);
                    sha256.AppendData(bytes);
                    sha256.AppendData("\n"u8);
                }

                Line(new Header(Format, Version, ids.Count));
                foreach (var id in ids)
                    Line(new Content(id, await read(id) ?? throw new InvalidOperationException($"Le contenu {id} a disparu pendant l'export.")));
                var trailer = JsonSerializer.SerializeToUtf8Bytes(new Trailer(Format, ids.Count, Convert.ToHexStringLower(sha256.GetHashAndReset())), ExportFormat.Json);
                file.Write(trailer);
                file.Write("\n"u8);
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, path);
            DirectoryDurability.Sync(Path.GetDirectoryName(path)!);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Every content, once the whole file's checksum and counts hold; a damaged file is refused whole.</summary>
    public static IReadOnlyList<Content> Read(string path)
    {
        var lines = File.ReadAllBytes(path).AsSpan();
        var trailerStart = lines[..^1].LastIndexOf((byte)'\n') + 1;
        if (lines.Length == 0 || lines[^1] != (byte)'\n' || trailerStart <= 0) throw Corrupt(path, "il est vide ou coupé");
        var trailer = Parse<Trailer>(path, lines[trailerStart..^1]);
        var computed = Convert.ToHexStringLower(SHA256.HashData(lines[..trailerStart]));
        if (trailer.End != Format || !string.Equals(computed, trailer.Sha256, StringComparison.OrdinalIgnoreCase))
            throw Corrupt(path, $"sa somme SHA-256 ne correspond pas à son contenu (annoncée {trailer.Sha256}, calculée {computed})");

        var records = Encoding.UTF8.GetString(lines[..trailerStart]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Parse<Header>(path, Encoding.UTF8.GetBytes(records[0]));
        if (header.Format != Format || header.Version != Version) throw Corrupt(path, $"son en-tête n'est pas celui d'un « {Format} » version {Version}");
        var contents = records.Skip(1).Select(line => Parse<Content>(path, Encoding.UTF8.GetBytes(line))).ToList();
        if (contents.Count != header.Records || contents.Count != trailer.Records)
            throw Corrupt(path, $"il annonce {header.Records} contenus et en tient {contents.Count}");
        return contents;
    }

    private static T Parse<T>(string path, ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, ExportFormat.Json) ?? throw Corrupt(path, "une ligne est vide");
        }
        catch (JsonException e)
        {
            throw Corrupt(path, $"une ligne ne se lit pas ({e.Message})");
        }
    }

    private static MigrationFailure Corrupt(string path, string why) =>
        new(MigrationExitCodes.CorruptFile, $"Le fichier des documents « {path} » est corrompu : {why}. Rien n'a été écrit.");
}
