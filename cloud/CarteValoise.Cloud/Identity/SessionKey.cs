using System.Security.Cryptography;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// The token signing key: from configuration (Identity:TokenSigningKey, 64 hex characters) in a
/// deployment; otherwise made once at random and kept in the data directory (mode 600), so a
/// local platform keeps its sessions across restarts without any secret in the repository.
/// Every silo of a cluster must be given the same key.
/// </summary>
public sealed class SessionKey
{
    public byte[] Bytes { get; }

    private SessionKey(byte[] bytes) => Bytes = bytes;

    public static SessionKey FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Identity:TokenSigningKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromHexString(configured.Trim());
            if (bytes.Length < 32) throw new InvalidOperationException("Identity:TokenSigningKey doit compter au moins 32 octets (64 caractères hexadécimaux).");
            return new SessionKey(bytes);
        }

        var path = Path.Combine(dataDirectory, "token-signing.key");
        if (File.Exists(path)) return new SessionKey(Convert.FromHexString(File.ReadAllText(path).Trim()));
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToHexString(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new SessionKey(key);
    }
}
