using Microsoft.AspNetCore.Html;

namespace CarteValoise.Portal.MyAccount;

/// <summary>
/// An address written with break opportunities (&lt;wbr&gt;) after its «@» and dots, so that a long
/// one wraps on a phone instead of widening the page (inside a grid, the browser will not break a
/// word that has none).
/// </summary>
public static class BreakableText
{
    public static IHtmlContent Address(string address)
    {
        var html = new HtmlContentBuilder();
        var start = 0;
        for (var i = 0; i < address.Length; i++)
        {
            if (address[i] is not ('@' or '.')) continue;
            // The break comes before the «@» and after a dot: «prenom.<wbr>nom<wbr>@exemple.<wbr>fr».
            var cut = address[i] == '@' ? i : i + 1;
            html.Append(address[start..cut]).AppendHtml("<wbr>");
            start = cut;
        }
        return html.Append(address[start..]);
    }
}
