using System.Security.Cryptography;
using System.Text.Json;
using CarteValoise.Cloud.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// Writes an export (see <see cref="ExportFormat"/>) under a temporary name and gives it its own
/// name only once complete and on disk: a file with the export's name is always a whole export.
/// </summary>
internal sealed class ExportFileWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly string _path;
    private readonly string _partialPath;
    private readonly ExportHeader _header;
    private readonly FileStream _file;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _records;
    private bool _completed;

    private ExportFileWriter(string path, string partialPath, FileStream file, ExportHeader header)
    {
        _path = path;
        _header = header;
        _partialPath = partialPath;
        _file = file;
    }

    public static ExportFileWriter Create(string path, ExportHeader header)
    {
        var partialPath = path + ".partiel";
        var file = new FileStream(partialPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        var writer = new ExportFileWriter(path, partialPath, file, header);
        writer.WriteLine(header);
        return writer;
    }

    public void Write(ExportedState state)
    {
        WriteLine(state);
        _records++;
    }

    /// <summary>Writes the trailer, forces the file to disk and gives it its name.</summary>
    public void Complete()
    {
        if (_records != _header.Records)
            throw new InvalidOperationException($"L'en-tête annonce {_header.Records} états, {_records} ont été écrits : le fichier LiteDB a-t-il changé pendant l'export ?");
        var digest = Convert.ToHexStringLower(_sha256.GetHashAndReset());
        var trailer = JsonSerializer.SerializeToUtf8Bytes(new ExportTrailer(ExportFormat.Name, _records, digest), ExportFormat.Json);
        _file.Write(trailer);
        _file.Write(NewLine);
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        File.Move(_partialPath, _path);
        DirectoryDurability.Sync(Path.GetDirectoryName(_path)!);
        _completed = true;
    }

    private void WriteLine<T>(T value)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(value, ExportFormat.Json);
        _file.Write(line);
        _file.Write(NewLine);
        _sha256.AppendData(line);
        _sha256.AppendData(NewLine);
    }

    public void Dispose()
    {
        _sha256.Dispose();
        if (_completed) return;
        // An export that did not finish leaves nothing behind that could be taken for one.
        _file.Dispose();
        File.Delete(_partialPath);
    }
}
