namespace CarteValoise.Edge.Decisions;

/// <summary>What a tap is for. Canteen today; périscolaire check-in and check-out come with its mode.</summary>
public enum TapService
{
    Canteen,
    CareCheckIn,
    CareCheckOut,
}
