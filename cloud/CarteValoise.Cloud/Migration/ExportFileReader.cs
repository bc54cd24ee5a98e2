using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// Reads an export (see <see cref="ExportFormat"/>), but only once its trailer's SHA-256 matches
/// every byte before it: a file cut short, or with a single byte changed, is refused whole.
/// </summary>
internal sealed class ExportFileReader
{
    // Far more than a trailer's length: the search for its start stops there.
    private const int TrailerMaxLength = 4096;

    private readonly string _path;
    private readonly long _trailerStart;

    private ExportFileReader(string path, long trailerStart, ExportHeader header, ExportTrailer trailer)
    {
        _path = path;
        _trailerStart = trailerStart;
        Header = header;
        Trailer = trailer;
    }

    public ExportHeader Header { get; }

    public ExportTrailer Trailer { get; }

    /// <summary>Checks the trailer, the checksum and the header; throws <see cref="MigrationFailure"/> otherwise.</summary>
    public static ExportFileReader Open(string path)
    {
        if (!File.Exists(path))
            throw new MigrationFailure(MigrationExitCodes.Usage, $"Le fichier d'export « {path} » n'existe pas.");

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var (trailerStart, trailer) = ReadTrailer(path, file);

        file.Position = 0;
        using (var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[1 << 16];
            for (var left = trailerStart; left > 0;)
            {
                var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                if (read == 0) throw Corrupt(path, "il est plus court que pendant sa lecture");
                sha256.AppendData(buffer, 0, read);
                left -= read;
            }
            var computed = Convert.ToHexStringLower(sha256.GetHashAndReset());
            if (!string.Equals(computed, trailer.Sha256, StringComparison.OrdinalIgnoreCase))
                throw Corrupt(path, $"sa somme SHA-256 ne correspond pas à son contenu (annoncée {trailer.Sha256}, calculée {computed})");
        }

        file.Position = 0;
        using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        var header = Parse<ExportHeader>(path, reader.ReadLine(), "son en-tête");
        if (header.Format != ExportFormat.Name)
            throw Corrupt(path, $"son en-tête ne dit pas « {ExportFormat.Name} »");
        if (header.Version != ExportFormat.Version)
            throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                $"Le fichier d'export « {path} » est au format version {header.Version} ; cette version de CarteValoise lit la version {ExportFormat.Version}. Rien n'a été écrit.");
        if (header.Serializer != ExportFormat.OrleansBinary)
            throw Corrupt(path, $"ses états sont au format « {header.Serializer} », pas « {ExportFormat.OrleansBinary} »");
        if (header.States is null || header.States.Values.Sum() != header.Records || trailer.Records != header.Records)
            throw Corrupt(path, $"ses comptes ne concordent pas (en-tête {header.Records}, par état {header.States?.Values.Sum()}, fin {trailer.Records})");
        return new ExportFileReader(path, trailerStart, header, trailer);
    }

    /// <summary>The records, in file order, read one at a time; their number is checked against the header.</summary>
    public IEnumerable<ExportedState> Records()
    {
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        using var reader = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        reader.ReadLine();
        for (long i = 1; i <= Header.Records; i++)
        {
            var record = Parse<ExportedState>(_path, reader.ReadLine(), $"l'état n° {i}");
            if (string.IsNullOrEmpty(record.State) || string.IsNullOrEmpty(record.Grain) || string.IsNullOrEmpty(record.Type) || record.Data is null)
                throw Corrupt(_path, $"l'état n° {i} est incomplet");
            yield return record;
        }
        // The checksum covered everything up to the trailer, so the records must end exactly there.
        var rest = reader.ReadToEnd();
        if (file.Length - Encoding.UTF8.GetByteCount(rest) != _trailerStart)
            throw Corrupt(_path, "il ne s'arrête pas après le nombre d'états annoncé");
    }

    private static (long Start, ExportTrailer Trailer) ReadTrailer(string path, FileStream file)
    {
        var length = file.Length;
        if (length < 2) throw Corrupt(path, "il est vide");
        var tailLength = (int)Math.Min(length, TrailerMaxLength);
        var tail = new byte[tailLength];
        file.Position = length - tailLength;
        file.ReadExactly(tail);
        if (tail[^1] != (byte)'\n') throw Corrupt(path, "il ne se termine pas par sa ligne de fin (coupé en cours d'écriture ?)");
        var previousNewLine = Array.LastIndexOf(tail, (byte)'\n', tailLength - 2);
        if (previousNewLine < 0 && tailLength < length) throw Corrupt(path, "sa dernière ligne n'est pas une ligne de fin");
        var start = length - tailLength + previousNewLine + 1;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(tail, previousNewLine + 1, tailLength - previousNewLine - 2);
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt(path, "sa ligne de fin n'est pas du texte UTF-8");
        }
        var trailer = Parse<ExportTrailer>(path, text, "sa ligne de fin");
        if (trailer.End != ExportFormat.Name || string.IsNullOrEmpty(trailer.Sha256))
            throw Corrupt(path, "sa dernière ligne n'est pas une ligne de fin (coupé en cours d'écriture ?)");
        return (start, trailer);
    }

    private static T Parse<T>(string path, string? line, string what) where T : class
    {
        if (line is null) throw Corrupt(path, $"{what} manque");
        try
        {
            return JsonSerializer.Deserialize<T>(line, ExportFormat.Json) ?? throw Corrupt(path, $"{what} est vide");
        }
        catch (JsonException e)
        {
            throw Corrupt(path, $"{what} n'est pas lisible ({e.Message})");
        }
    }

    private static MigrationFailure Corrupt(string path, string why) =>
        new(MigrationExitCodes.CorruptFile, $"Le fichier d'export « {path} » est corrompu : {why}. Rien n'a été écrit.");
}
