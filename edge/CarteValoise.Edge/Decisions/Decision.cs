namespace CarteValoise.Edge.Decisions;

/// <summary>What the box answers a child who taps, alone, from its roster. Names are printed as is.</summary>
public enum Decision
{
    Accepted,
    AlreadyServed,
    NotExpected,
    UnknownCard,
    BlockedCard,
}
