namespace CarteValoise.Domain.Privacy;

/// <summary>None: never asked, Pending: within its 30 days, Cancelled: withdrawn in time, Effective: the 30 days have passed.</summary>
public enum AccountClosureStatus { None = 0, Pending = 1, Cancelled = 2, Effective = 3 }
