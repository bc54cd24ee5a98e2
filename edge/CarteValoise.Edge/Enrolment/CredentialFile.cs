using System.Text.Json;
using CarteValoise.Edge.Storage;

namespace CarteValoise.Edge.Enrolment;

/// <summary>
/// The box's credential on its own disk, readable by the box's user only (mode 600): the secret is
/// what lets anyone speak for this box. Written whole or not at all (a temporary file, fsynced,
/// then renamed), so a power cut during enrolment cannot leave half a secret behind.
/// </summary>
public static class CredentialFile
{
    public const string FileName = "box-credential.json";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public static bool Exists(string dataDirectory) => File.Exists(PathIn(dataDirectory));

    /// <summary>The credential kept in the directory, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file is there but unreadable: say so, do not enrol over it.</exception>
    public static BoxCredential? Read(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path)) return null;
        StoredCredential? stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredCredential>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Le fichier d'identité {path} est illisible ({ex.Message}).", ex);
        }
        if (stored is null || string.IsNullOrWhiteSpace(stored.BoxId) || string.IsNullOrWhiteSpace(stored.Secret))
            throw new InvalidDataException($"Le fichier d'identité {path} est incomplet (identifiant ou secret manquant).");
        return new BoxCredential(stored.BoxId, stored.Secret, stored.SchoolId ?? "", stored.SchoolName ?? "");
    }

    public static void Write(string dataDirectory, BoxCredential credential)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = PathIn(dataDirectory);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new StoredCredential(credential.BoxId, credential.Secret, credential.SchoolId, credential.SchoolName), Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        DirectorySync.Flush(dataDirectory);
    }

    private sealed record StoredCredential(string BoxId, string Secret, string? SchoolId, string? SchoolName);
}
