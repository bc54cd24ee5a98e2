namespace CarteValoise.Edge.Decisions;

/// <summary>What a tap is for: a meal (canteen mode), or an arrival or departure at the périscolaire (care mode).</summary>
public enum TapService
{
    Canteen,
    CareCheckIn,
    CareCheckOut,
}
