namespace CarteValoise.Kiosk;

/// <summary>This kiosk, as configured under "Kiosk".</summary>
public sealed class KioskOptions
{
    /// <summary>Sent with each card sign-in so the cloud knows where the card was used.</summary>
    public string Id { get; set; } = "kiosk-1";

    /// <summary>A family session ends by itself after this many seconds without a page asked for.</summary>
    public int IdleSeconds { get; set; } = 90;
}
