using System.Security.Cryptography;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// A families file read and checked, waiting for the agent to apply it: what it would enrol, for
/// which commune, who read it, and when. <see cref="Applying"/> lets one application run at a time.
/// </summary>
public sealed class StoredImport(string importId, string communeCode, string readBy, DateTimeOffset readAt, bool canImport, IReadOnlyList<ImportedFamily> families)
{
    public string ImportId { get; } = importId;
    public string CommuneCode { get; } = communeCode;
    public string ReadBy { get; } = readBy;
    public DateTimeOffset ReadAt { get; } = readAt;
    /// <summary>False when the file had errors: nothing of it may be enrolled.</summary>
    public bool CanImport { get; } = canImport;
    /// <summary>Empty when <see cref="CanImport"/> is false: a file with errors is not kept whole for nothing.</summary>
    public IReadOnlyList<ImportedFamily> Families { get; } = canImport ? families : [];
    public int Children { get; } = canImport ? families.Sum(f => f.Children.Count) : 0;
    public SemaphoreSlim Applying { get; } = new(1, 1);
}

/// <summary>
/// The previews of the last hour, in memory, by import id: an id is a random 128-bit number, so
/// it cannot be guessed. Bounded: past <see cref="MaxImports"/> previews, or
/// <see cref="MaxChildren"/> children across them, the oldest are forgotten (the agent reads the
/// file again). A silo restart forgets them all, which costs the same.
/// </summary>
public sealed class ImportStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    public const int MaxImports = 32;
    public const int MaxChildren = 200_000;

    private readonly object _gate = new();
    private readonly LinkedList<StoredImport> _byAge = new();
    private readonly Dictionary<string, LinkedListNode<StoredImport>> _byId = new(StringComparer.Ordinal);
    private int _children;

    public StoredImport Keep(string communeCode, string readBy, bool canImport, IReadOnlyList<ImportedFamily> families)
    {
        var import = new StoredImport(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            communeCode, readBy, time.GetUtcNow(), canImport, families);
        lock (_gate)
        {
            ForgetExpired();
            _byId[import.ImportId] = _byAge.AddLast(import);
            _children += import.Children;
            while (_byAge.Count > 1 && (_byAge.Count > MaxImports || _children > MaxChildren)) Forget(_byAge.First!);
        }
        return import;
    }

    /// <summary>The preview under that id, or null when there is none or it is more than an hour old.</summary>
    public StoredImport? Find(string importId)
    {
        lock (_gate)
        {
            ForgetExpired();
            return _byId.TryGetValue(importId.Trim(), out var node) ? node.Value : null;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                ForgetExpired();
                return _byAge.Count;
            }
        }
    }

    private void ForgetExpired()
    {
        var now = time.GetUtcNow();
        while (_byAge.First is { } oldest && now - oldest.Value.ReadAt >= Lifetime) Forget(oldest);
    }

    private void Forget(LinkedListNode<StoredImport> node)
    {
        _byAge.Remove(node);
        _byId.Remove(node.Value.ImportId);
        _children -= node.Value.Children;
    }
}
