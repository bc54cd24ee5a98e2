namespace CarteValoise.Grains.Devices;

public enum CodeRedemption { Redeemed = 1, Unknown = 2, Expired = 3, AlreadyUsed = 4 }

[GenerateSerializer, Immutable]
public sealed record CodeRedemptionResult([property: Id(0)] CodeRedemption Outcome, [property: Id(1)] string? BoxId);

/// <summary>
/// A one-time enrolment code, keyed by the hash of the code (the code itself, a secret, is never
/// stored). It names the box it enrols, works once, and expires.
/// </summary>
public interface IEnrolmentCodeGrain : IGrainWithStringKey
{
    Task Issue(string boxId, DateTimeOffset expiresAt);
    Task<CodeRedemptionResult> Redeem();
}
