namespace CarteValoise.Readers.Taps;

/// <summary>One tap of a card, as the box will decide on it: a valid, normalised UID, debounced.</summary>
public sealed record CardTap(string CardUid, DateTimeOffset ReadAt);
