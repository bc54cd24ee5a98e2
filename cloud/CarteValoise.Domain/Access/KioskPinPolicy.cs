namespace CarteValoise.Domain.Access;

/// <summary>
/// A kiosk PIN has four digits: without a lockout, ten thousand tries would open any family.
/// After <see cref="MaxFailures"/> wrong PINs in a row the card is refused at kiosks for <see cref="Lockout"/>.
/// </summary>
public static class KioskPinPolicy
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    public static DateTimeOffset? LockedUntil(int consecutiveFailures, DateTimeOffset lastFailureAt) =>
        consecutiveFailures >= MaxFailures ? lastFailureAt + Lockout : null;
}
