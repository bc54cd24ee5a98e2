namespace CarteValoise.Domain.Documents;

public enum DocumentStatus
{
    Valid = 1,
    /// <summary>Still valid, for <see cref="DocumentStanding.ExpiringWithinDays"/> days or less.</summary>
    Expiring = 2,
    Expired = 3,
}

/// <summary>Where a document stands on a given day, and the sentence that says it.</summary>
public sealed record DocumentStanding(DocumentStatus Status, string Text)
{
    /// <summary>A document that stops being valid within this many days is «expiring»: time to get a newer one.</summary>
    public const int ExpiringWithinDays = 30;

    /// <param name="validUntil">The last valid day; null for a document that never expires.</param>
    /// <param name="today">Today in Paris.</param>
    public static DocumentStanding On(DateOnly? validUntil, DateOnly today)
    {
        if (validUntil is not { } last) return new(DocumentStatus.Valid, "valable sans limite de durée");
        var firstInvalid = last.AddDays(1);
        var daysLeft = firstInvalid.DayNumber - today.DayNumber;
        if (daysLeft <= 0) return new(DocumentStatus.Expired, $"expiré depuis le {DocumentDates.Long(firstInvalid)}");
        if (daysLeft > ExpiringWithinDays) return new(DocumentStatus.Valid, $"valable jusqu'au {DocumentDates.Long(last)}");
        var when = daysLeft == 1 ? "expire demain" : $"expire dans {daysLeft} jours";
        return new(DocumentStatus.Expiring, $"{when} (valable jusqu'au {DocumentDates.Long(last)})");
    }
}
