using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.AgentRules;

/// <summary>
/// What a browser would send for a form of a page as it stands: every text field and textarea with
/// its value, the checked checkboxes and radio buttons, the selected option of each list. The
/// agents' forms give each checkbox a name of its own, so one value per name is the whole form.
/// </summary>
public static class FormFields
{
    /// <summary>The fields of the form that holds a control named <paramref name="field"/>.</summary>
    public static Dictionary<string, string> OfFormHolding(string html, string field)
    {
        var form = Markup.Tags(html, "form").FirstOrDefault(f => Controls(html, f).Any(c => c["name"] == field))
            ?? throw new Xunit.Sdk.XunitException($"The page has no form with a field named {field}.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var end = Markup.EndOf(html, form);
        foreach (var input in Markup.Tags(html, "input", form.End, end))
        {
            if (input["name"] is not { } name || name == "__RequestVerificationToken") continue;
            var type = input["type"]?.ToLowerInvariant() ?? "text";
            if (type is "checkbox" or "radio")
            {
                if (input["checked"] is not null) fields[name] = input["value"] ?? "on";
            }
            else if (type is not ("submit" or "button" or "file"))
            {
                fields[name] = input["value"] ?? "";
            }
        }
        foreach (var area in Markup.Tags(html, "textarea", form.End, end))
        {
            if (area["name"] is { } name) fields[name] = WebUtility.HtmlDecode(html[area.End..Markup.EndOf(html, area)]);
        }
        foreach (var select in Markup.Tags(html, "select", form.End, end))
        {
            if (select["name"] is not { } name) continue;
            var options = Markup.Tags(html, "option", select.End, Markup.EndOf(html, select)).ToList();
            var chosen = options.FirstOrDefault(o => o["selected"] is not null) ?? options.FirstOrDefault();
            if (chosen is not null) fields[name] = chosen["value"] ?? "";
        }
        return fields;
    }

    private static IEnumerable<Tag> Controls(string html, Tag form)
    {
        var end = Markup.EndOf(html, form);
        return Markup.Tags(html, "input", form.End, end)
            .Concat(Markup.Tags(html, "select", form.End, end))
            .Concat(Markup.Tags(html, "textarea", form.End, end));
    }
}
