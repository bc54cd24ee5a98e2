using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Privacy;

/// <summary>
/// A citizen's request to close their account: it takes effect <see cref="AccountClosureRules.Notice"/>
/// after <see cref="RequestedAt"/> unless cancelled before (<see cref="CancelledAt"/>).
/// </summary>
public sealed record AccountClosure(DateTimeOffset RequestedAt, DateTimeOffset? CancelledAt = null)
{
    public DateTimeOffset EffectiveAt => RequestedAt + AccountClosureRules.Notice;

    public AccountClosureStatus StatusAt(DateTimeOffset now) =>
        CancelledAt is not null ? AccountClosureStatus.Cancelled
        : now >= EffectiveAt ? AccountClosureStatus.Effective
        : AccountClosureStatus.Pending;
}

/// <summary>What a request or a cancellation leads to: the closure as it now stands, or why nothing changed.</summary>
public sealed record AccountClosureDecision(AccountClosure? Closure, string? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// The closure rule: 30 days' notice, during which the citizen may change their mind (a request
/// made by someone else on their session, or in haste, is undone by a click) and after which what
/// exists for the account alone is erased; what the law or the commune needs stays for its period
/// (<see cref="RetentionPolicy"/>).
/// </summary>
public static class AccountClosureRules
{
    public static readonly TimeSpan Notice = TimeSpan.FromDays(30);

    /// <summary>The rule as the citizen reads it.</summary>
    public static string Rule { get; } =
        "La clôture de votre compte prend effet 30 jours après votre demande, sauf si vous l'annulez d'ici là. "
        // French puts a no-break space before ';', so that a line never starts with it.
        + "Elle efface alors ce qui n'existe que pour votre compte (" + string.Join("\u00A0; ", RetentionPolicy.ErasedAtClosure.Select(Lower)) + "). "
        + "Les factures et les paiements restent conservés 10 ans, comme la comptabilité publique l'exige, "
        + "et le dossier famille reste à la commune tant que vos enfants sont inscrits à ses services.";

    /// <summary>
    /// A new request, or the one in force: asking again while a request is pending (or has taken
    /// effect) changes nothing, so that its 30 days are not restarted by a second click.
    /// </summary>
    public static AccountClosureDecision Request(AccountClosure? current, DateTimeOffset now) =>
        current is not null && current.StatusAt(now) is AccountClosureStatus.Pending or AccountClosureStatus.Effective
            ? new(current, null)
            : new(new AccountClosure(now), null);

    /// <summary>Withdraws a pending request; refused in French when there is none, or when it has taken effect.</summary>
    public static AccountClosureDecision Cancel(AccountClosure? current, DateTimeOffset now) => current?.StatusAt(now) switch
    {
        AccountClosureStatus.Pending => new(current with { CancelledAt = now }, null),
        AccountClosureStatus.Effective => new(current, $"Votre compte est clôturé depuis le {FrenchText.DayAndTime(current.EffectiveAt)} : la demande ne peut plus être annulée."),
        _ => new(current, "Aucune demande de clôture n'est en cours : il n'y a rien à annuler."),
    };

    public static AccountClosureStatus StatusAt(AccountClosure? closure, DateTimeOffset now) =>
        closure?.StatusAt(now) ?? AccountClosureStatus.None;

    /// <summary>Where things stand, in a sentence for the citizen.</summary>
    public static string Describe(AccountClosure? closure, DateTimeOffset now) => StatusAt(closure, now) switch
    {
        AccountClosureStatus.Pending =>
            $"Vous avez demandé la clôture de votre compte le {FrenchText.DayAndTime(closure!.RequestedAt)}. "
            + $"Elle prendra effet le {FrenchText.DayAndTime(closure.EffectiveAt)}, sauf si vous l'annulez d'ici là.",
        AccountClosureStatus.Cancelled =>
            $"Vous avez annulé le {FrenchText.DayAndTime(closure!.CancelledAt!.Value)} votre demande de clôture du {FrenchText.DayAndTime(closure.RequestedAt)} : votre compte reste ouvert.",
        AccountClosureStatus.Effective =>
            $"Votre compte est clôturé depuis le {FrenchText.DayAndTime(closure!.EffectiveAt)}.",
        _ => "Aucune demande de clôture n'est en cours : votre compte est ouvert.",
    };

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
