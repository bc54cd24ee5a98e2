namespace CarteValoise.Kiosk.Demarches;

/// <summary>What every page of a signed-in family does on a public screen.</summary>
public static class KioskPage
{
    /// <summary>
    /// Never kept by the browser's cache, and, left alone, asking whether the citizen is still there
    /// (as the family page does) rather than staying on the screen for the next person.
    /// </summary>
    public static void LeftAloneAsks(HttpResponse response, KioskOptions kiosk)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers["Refresh"] = $"{Pages.FamilleModel.WarnAfter(kiosk.IdleSeconds)};url=/Inactivite";
    }
}
