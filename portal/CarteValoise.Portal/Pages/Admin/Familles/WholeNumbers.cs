using System.Globalization;

namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>Whole numbers as the cloud's messages write them: «12 500», plain spaces.</summary>
public static class WholeNumbers
{
    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " ", NegativeSign = "-" };

    public static string Text(long value) => value.ToString("#,##0", Spaced);

    /// <summary>The quotient familial of a family, or that none is given (-1 on the wire).</summary>
    public static string Quotient(int quotient) => quotient < 0 ? "non renseigné" : Text(quotient);
}
