using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace CarteValoise.Portal.OnlinePayment.Sandbox;

/// <summary>A payment as the sandbox gateway holds it: what <c>creerPaiementSecurise</c> gave, and its result once the payer chose.</summary>
public sealed class SandboxPayment
{
    public required string IdOp { get; init; }
    public required string Numcli { get; init; }
    public required string Exer { get; init; }
    public required string Refdet { get; init; }
    public required string Objet { get; init; }
    public required long Montant { get; init; }
    public required string Mel { get; init; }
    public required string Saisie { get; init; }
    public required Uri UrlNotif { get; init; }
    public required Uri UrlRedirect { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>P, R or A once the payer chose on the page; null before.</summary>
    public string? Resultrans { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string Numauto { get; set; } = "";

    /// <summary>For the tests of a tampered answer: the amount the detail announces instead of <see cref="Montant"/>.</summary>
    public long? AnnouncedMontant { get; set; }
}

/// <summary>
/// The sandbox gateway's memory: every payment created since the portal started, by idOp. Nothing
/// is kept on disk: the sandbox stands in for PayFiP in the demo and the tests only. Like PayFiP, an
/// idOp opens the payment page for 15 minutes.
/// </summary>
public sealed class SandboxPayments(TimeProvider time)
{
    public static readonly TimeSpan PageValidity = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, SandboxPayment> _payments = new(StringComparer.OrdinalIgnoreCase);

    public TimeProvider Time => time;

    /// <summary>How long the sandbox remembers a payment: a demo's day, and never an ever-growing memory.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    public SandboxPayment Create(Func<string, DateTimeOffset, SandboxPayment> make)
    {
        var now = time.GetUtcNow();
        foreach (var old in _payments.Values.Where(p => now - p.CreatedAt > Memory)) _payments.TryRemove(old.IdOp, out _);
        var payment = make(Guid.NewGuid().ToString(), now);
        _payments[payment.IdOp] = payment;
        return payment;
    }

    public SandboxPayment? Find(string? idOp) => idOp is not null && _payments.TryGetValue(idOp.Trim(), out var payment) ? payment : null;

    /// <summary>The payer's choice, once: false when the payment already has a result or its page has expired.</summary>
    public bool Decide(SandboxPayment payment, string resultrans, long? announcedMontant)
    {
        lock (payment)
        {
            if (payment.Resultrans is not null || IsExpired(payment)) return false;
            payment.Resultrans = resultrans;
            payment.DecidedAt = time.GetUtcNow();
            payment.AnnouncedMontant = announcedMontant;
            if (resultrans == "P") payment.Numauto = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            return true;
        }
    }

    public bool IsExpired(SandboxPayment payment) => payment.Resultrans is null && time.GetUtcNow() - payment.CreatedAt > PageValidity;
}
