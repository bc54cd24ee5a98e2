using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// A sentence for the next page (after a redirect): kept in TempData, a protected cookie, so that
/// nobody can put words on our pages through a link.
/// </summary>
public static class Notices
{
    /// <summary>What went well or what happened (signed out everywhere, password changed).</summary>
    public const string Done = "carte:avis";

    /// <summary>What went wrong away from a form (FranceConnect refused, the second step expired).</summary>
    public const string Refusal = "carte:refus";

    /// <summary>Writes a notice from outside a page (the FranceConnect handler's events).</summary>
    public static void Leave(HttpContext http, string key, string message)
    {
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData[key] = message;
        tempData.Save();
    }
}
