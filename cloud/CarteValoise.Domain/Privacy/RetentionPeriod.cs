namespace CarteValoise.Domain.Privacy;

/// <summary>
/// How long one kind of data is kept, and on what ground, in the words the citizen reads.
/// <see cref="KeptAfterClosure"/>: closing the account does not end it (the law, or the commune's
/// own mission, needs it for the period given).
/// </summary>
public sealed record RetentionPeriod(string Kind, string Data, string Period, string LegalBasis, bool KeptAfterClosure);
