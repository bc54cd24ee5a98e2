using System.Security.Cryptography;

namespace CarteValoise.Cloud.DocumentSafe;

/// <summary>
/// The key that encrypts every document at rest: from configuration (<c>DocumentSafe:Key</c>, 32
/// bytes in base64) in a deployment; otherwise made once at random and kept in the data directory
/// (mode 600), with a warning at each start — a key beside the data protects nothing from whoever
/// copies the folder, and every silo of a cluster must be given the same one.
/// </summary>
public sealed class DocumentKey
{
    public const string ConfigurationKey = "DocumentSafe:Key";
    public const string FileName = "document-safe.key";
    public const int Length = 32;

    private DocumentKey(byte[] bytes, string? keptIn) => (Bytes, KeptIn) = (bytes, keptIn);

    public byte[] Bytes { get; }

    /// <summary>The file the key was read from or made into; null when it came from configuration.</summary>
    public string? KeptIn { get; }

    public static DocumentKey FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured)) return new DocumentKey(Parse(configured, ConfigurationKey), null);

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path)) return new DocumentKey(Parse(File.ReadAllText(path), path), path);
        var key = RandomNumberGenerator.GetBytes(Length);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new DocumentKey(key, path);
    }

    /// <summary>A key given as it is (tests, tools).</summary>
    public static DocumentKey Of(byte[] bytes) => bytes.Length == Length
        ? new DocumentKey(bytes, null)
        : throw new ArgumentException($"Une clé de documents compte {Length} octets.", nameof(bytes));

    private static byte[] Parse(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            bytes = [];
        }
        return bytes.Length == Length
            ? bytes
            : throw new InvalidOperationException(
                $"{source} doit contenir une clé de {Length} octets en base64 (openssl rand -base64 32). / {source} must hold a {Length}-byte key in base64.");
    }
}
