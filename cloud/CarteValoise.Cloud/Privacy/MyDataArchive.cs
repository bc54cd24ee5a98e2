using System.IO.Compression;
using System.Text;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// The zip of «Mes données»: README.txt first (French: what each file is, the formats, the retention
/// periods), then <c>{section}.json</c> for each section and its files under <c>fichiers/{section}/</c>.
/// </summary>
public static class MyDataArchive
{
    public const string ReadmeName = "README.txt";

    public static string FileName(DateTimeOffset preparedAt) => $"mes-donnees-{ServiceDay.Format(ServiceDay.Of(preparedAt))}.zip";

    public static string FilesFolder(CollectedSection section) => $"fichiers/{section.FileName}/";

    public static byte[] Build(IReadOnlyList<CollectedSection> sections, string preparedFor, DateTimeOffset preparedAt)
    {
        var stamp = ServiceDay.ToParisTime(preparedAt);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var fileNames = sections.ToDictionary(s => s, FileNamesOf);
            // A byte order mark, so that every text editor (Windows' Notepad included) reads the accents right.
            Add(zip, ReadmeName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ArchiveReadme.Write(sections, fileNames, preparedFor, preparedAt))], stamp);
            foreach (var section in sections)
            {
                Add(zip, $"{section.FileName}.json", section.Json, stamp);
                foreach (var (file, name) in section.Files.Zip(fileNames[section]))
                    Add(zip, FilesFolder(section) + name, file.Content, stamp);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Each file's name in its folder: without any path, and unique («facture.pdf», «facture (2).pdf»).</summary>
    public static IReadOnlyList<string> FileNamesOf(CollectedSection section)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(section.Files.Count);
        foreach (var file in section.Files)
        {
            var name = SectionWords.SafeFileName(file.FileName);
            var (stem, extension) = (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
            for (var n = 2; !taken.Add(name); n++) name = $"{stem} ({n}){extension}";
            names.Add(name);
        }
        return names;
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
