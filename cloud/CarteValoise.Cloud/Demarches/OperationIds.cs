using System.Security.Cryptography;
using System.Text;

namespace CarteValoise.Cloud.Demarches;

/// <summary>The caller's operation ids, which make each command happen once.</summary>
public static class OperationIds
{
    /// <summary>The caller's id; a call without one is applied once, as a new operation.</summary>
    public static string Of(string given) => string.IsNullOrWhiteSpace(given) ? Guid.NewGuid().ToString("N") : given.Trim();

    /// <summary>A short stable id derived from an operation id (a file's id, a key of frozen copies): the same operation, the same id.</summary>
    public static string Short(string operationId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operationId)))[..16].ToLowerInvariant();
}
