using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): memory-hard, so a stolen
/// store of hashes costs an attacker memory as well as time. Used for passwords and kiosk PINs.
/// The stored form names its parameters so they can be raised later without breaking old hashes.
/// </summary>
public sealed class PasswordHasher
{
    private const int MemoryKiB = 19_456;
    private const int Passes = 2;
    private const int Lanes = 1;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(password, salt, MemoryKiB, Passes, Lanes);
        return $"argon2id$m={MemoryKiB},t={Passes},p={Lanes}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public bool Verify(string password, string stored)
    {
        // Argon2 refuses an empty input: an empty password is wrong, after the same time as any other.
        if (string.IsNullOrEmpty(password))
        {
            WasteEquivalentTime(password);
            return false;
        }
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "argon2id") return false;
        var parameters = parts[1].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(password, salt, parameters["m"], parameters["t"], parameters["p"]);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time a real check would, so an unknown account cannot be told from a wrong password.</summary>
    public void WasteEquivalentTime(string? password) =>
        Derive(string.IsNullOrEmpty(password) ? "\0" : password, new byte[16], MemoryKiB, Passes, Lanes);

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int passes, int lanes)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = passes,
            DegreeOfParallelism = lanes,
        };
        return argon.GetBytes(32);
    }
}
