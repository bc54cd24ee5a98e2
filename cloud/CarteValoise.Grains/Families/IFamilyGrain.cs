namespace CarteValoise.Grains.Families;

/// <summary>A household of a commune: its children and its prepaid canteen account.</summary>
public interface IFamilyGrain : IGrainWithStringKey
{
    /// <summary>Creates the family, or updates its profile; never touches its account.</summary>
    Task Register(FamilyProfile profile);
    Task<FamilyProfile?> GetProfile();
    Task AddChild(string childId);
    Task<IReadOnlyList<string>> GetChildIds();
    /// <summary>
    /// Debits one meal at the commune's tariff for the family's quotient familial; once per operation id.
    /// Kept in memory until <see cref="Flush"/>: the tap it comes from is already durable in its box's journal.
    /// </summary>
    Task<long> ChargeMeal(string operationId, string childFirstName, DateTimeOffset takenAt);
    Task Flush();
    /// <summary>Adds money to the account (top-up, refund); once per operation id.</summary>
    Task Credit(string operationId, long amountCents, string label);
    Task<FamilyAccount> GetAccount();
    /// <summary>Until when kiosk sign-in is refused after repeated wrong PINs (null: allowed now).</summary>
    Task<DateTimeOffset?> GetKioskLockout();
    /// <summary>Counts wrong PINs; a right one resets the count.</summary>
    Task RecordKioskPinAttempt(bool succeeded);
}

/// <summary>The family's access log, keyed by family id: written on every agent read and every refused attempt.</summary>
public interface IAccessLogGrain : IGrainWithStringKey
{
    Task Record(AccessLogEntry entry);
    Task<IReadOnlyList<AccessLogEntry>> GetEntries();
}
