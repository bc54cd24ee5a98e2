namespace CarteValoise.Readers;

/// <summary>
/// What a reader saw, as it saw it: the UID text exactly as the hardware or driver gave it
/// (case, separators and garbage included) and when. Nothing is trusted yet.
/// </summary>
public sealed record CardRead(string RawUid, DateTimeOffset ReadAt);
