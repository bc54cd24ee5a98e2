using System.Net;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// The démarche pages' forms as a browser without JavaScript posts them: every value the form holds
/// as shown (hidden fields, typed or prefilled inputs, the radio buttons checked, the options
/// selected, the text areas), the test's own answers over them, and the button pressed.
/// </summary>
public static class CitizenForms
{
    /// <summary>The values the form holding <paramref name="field"/> would post as the page shows it.</summary>
    public static Dictionary<string, string> Values(WebPage page, string field)
    {
        var html = page.Html;
        var form = Markup.Tags(html, "form").FirstOrDefault(f => Controls(html, f).Any(c => c["name"] == field))
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} has no form with a field named {field}:\n{page.Text}");
        var (from, to) = (form.End, Markup.EndOf(html, form));
        var values = new Dictionary<string, string>();
        foreach (var input in Markup.Tags(html, "input", from, to))
        {
            if (input["name"] is not { } name || name == "__RequestVerificationToken" || input.Attributes.ContainsKey("disabled")) continue;
            var type = input["type"] ?? "text";
            if (type is "radio" or "checkbox" && !input.Attributes.ContainsKey("checked")) continue;
            values[name] = input["value"] ?? "";
        }
        foreach (var area in Markup.Tags(html, "textarea", from, to))
            if (area["name"] is { } name) values[name] = WebUtility.HtmlDecode(html[area.End..Markup.EndOf(html, area)]);
        foreach (var select in Markup.Tags(html, "select", from, to))
        {
            if (select["name"] is not { } name) continue;
            var options = Markup.Tags(html, "option", select.End, Markup.EndOf(html, select)).ToList();
            values[name] = (options.FirstOrDefault(o => o.Attributes.ContainsKey("selected")) ?? options.FirstOrDefault())?["value"] ?? "";
        }
        return values;
    }

    /// <summary>Posts the form holding <paramref name="field"/> as shown, with these answers and this button.</summary>
    public static Task<WebPage> PostAsync(WebSession web, WebPage page, string field, IReadOnlyDictionary<string, string> answers)
    {
        var values = Values(page, field);
        foreach (var (name, value) in answers) values[name] = value;
        return web.SubmitFormHoldingAsync(page.Address.PathAndQuery, field, values);
    }

    /// <summary>
    /// Posts the form holding <paramref name="field"/> as the page showed it, anti-forgery token
    /// included, without opening the page again: what a second click on the same button sends.
    /// </summary>
    public static Task<WebPage> PostShownAsync(WebSession web, WebPage page, string field)
    {
        var values = Values(page, field);
        values["__RequestVerificationToken"] = Markup.Tags(page.Html, "input").First(i => i["name"] == "__RequestVerificationToken")["value"]!;
        return web.PostAsync(page.Address.PathAndQuery, values);
    }

    /// <summary>A page of the form, saved with «Enregistrer et continuer».</summary>
    public static Task<WebPage> ContinueAsync(WebSession web, WebPage page, IReadOnlyDictionary<string, string> answers) =>
        PostAsync(web, page, "page", new Dictionary<string, string>(answers) { ["action"] = "continuer" });

    /// <summary>The name of an answer's input: reponses[type-acte].</summary>
    public static string Answer(string key) => $"reponses[{key}]";

    /// <summary>The step the page says it is: «Étape 2 sur 3 : …».</summary>
    public static string Step(WebPage page)
    {
        var step = Markup.Tags(page.Html, "p").FirstOrDefault(p => p["id"] == "etape")
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} says no step:\n{page.Text}");
        return Markup.Text(page.Html[step.End..Markup.EndOf(page.Html, step)]);
    }

    /// <summary>The text of the element with this id (a section, a notice…).</summary>
    public static string TextOf(WebPage page, string tag, string id)
    {
        var element = Markup.Tags(page.Html, tag).FirstOrDefault(t => t["id"] == id)
            ?? throw new Xunit.Sdk.XunitException($"{page.Address} has no {tag}#{id}:\n{page.Text}");
        return Markup.Text(page.Html[element.End..EndOfNested(page.Html, element)]);
    }

    /// <summary>The value of an input of the page, by its id.</summary>
    public static string? InputValue(WebPage page, string id) => Markup.Tags(page.Html, "input").FirstOrDefault(i => i["id"] == id)?["value"];

    /// <summary>Where an element that may hold elements of its own kind closes (sections hold none here but a form page may).</summary>
    private static int EndOfNested(string html, Tag tag)
    {
        var depth = 1;
        var at = tag.End;
        while (depth > 0)
        {
            var open = html.IndexOf($"<{tag.Name}", at, StringComparison.OrdinalIgnoreCase);
            var close = html.IndexOf($"</{tag.Name}", at, StringComparison.OrdinalIgnoreCase);
            if (close < 0) return html.Length;
            if (open >= 0 && open < close)
            {
                depth++;
                at = open + 1;
            }
            else
            {
                depth--;
                at = close + 1;
            }
        }
        return at - 1;
    }

    private static IEnumerable<Tag> Controls(string html, Tag form) =>
        Markup.Tags(html, "input", form.End, Markup.EndOf(html, form))
            .Concat(Markup.Tags(html, "select", form.End, Markup.EndOf(html, form)))
            .Concat(Markup.Tags(html, "textarea", form.End, Markup.EndOf(html, form)));
}
