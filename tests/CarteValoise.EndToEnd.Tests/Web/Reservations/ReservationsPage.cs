using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>One service on one day of the week shown, as its cell promises it.</summary>
public sealed record CellOnPage(DateOnly Day, string Service, bool Runs, bool Reserved, bool Taken, bool CanChange, bool Ticked, DateTimeOffset? Deadline, string Text)
{
    /// <summary>«2026-12-10:cantine»: the key of the form's affiche[…] and reserver[…] fields.</summary>
    public string Field => ReservationsPage.FieldOf(Day, Service);
}

/// <summary>
/// The parent's /Reservations page, read through the markers it promises:
/// table.reservation-week[data-child-id][data-week]; td[data-date][data-service][data-runs]
/// [data-reserved][data-taken][data-can-change][data-deadline] (empty when none) per cell, with a checkbox
/// reserver[yyyy-MM-dd:service] for the cells open to change; div#confirmation li for what a save
/// changed; the error summary's li; and the form fields a browser would send (hidden fields, ticked boxes).
/// </summary>
public sealed record ReservationsPage(
    string? ChildId,
    DateOnly? Week,
    IReadOnlyList<CellOnPage> Cells,
    IReadOnlyDictionary<string, string> FormFields,
    IReadOnlyList<string> Confirmation,
    IReadOnlyList<string> Errors,
    string Text)
{
    public static string FieldOf(DateOnly day, string service) => $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{service}";

    public CellOnPage Cell(DateOnly day, string service) =>
        Cells.SingleOrDefault(c => c.Day == day && c.Service == service)
        ?? throw new Xunit.Sdk.XunitException($"The page shows no {service} cell on {day:yyyy-MM-dd}.");

    /// <summary>The fields a browser would send after the parent ticked (true) or unticked (false) these boxes.</summary>
    public Dictionary<string, string> FormTicking(params (CellOnPage Cell, bool Reserve)[] ticks)
    {
        var fields = new Dictionary<string, string>(FormFields);
        foreach (var (cell, reserve) in ticks)
        {
            Assert.True(fields.ContainsKey($"affiche[{cell.Field}]"), $"The form offers no box for {cell.Field}.");
            if (reserve) fields[$"reserver[{cell.Field}]"] = "1";
            else fields.Remove($"reserver[{cell.Field}]");
        }
        return fields;
    }

    public static ReservationsPage Parse(string html)
    {
        var table = Markup.Tags(html, "table").SingleOrDefault(t => t.HasClass("reservation-week"));
        var cells = Markup.Tags(html, "td")
            .Where(td => td["data-date"] is not null && td["data-service"] is not null)
            .Select(td =>
            {
                var end = Markup.EndOf(html, td);
                var box = Markup.Tags(html, "input", td.End, end).FirstOrDefault(i => i["type"] == "checkbox");
                return new CellOnPage(
                    DateOnly.ParseExact(td["data-date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    td["data-service"]!,
                    Flag(td, "data-runs"),
                    Flag(td, "data-reserved"),
                    Flag(td, "data-taken"),
                    Flag(td, "data-can-change"),
                    box is not null && box.Attributes.ContainsKey("checked"),
                    td["data-deadline"] is { Length: > 0 } deadline ? DateTimeOffset.Parse(deadline, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null,
                    Markup.Text(html[td.End..end]));
            })
            .ToList();

        var fields = new Dictionary<string, string>();
        var form = Markup.Tags(html, "form").FirstOrDefault(f => f.HasClass("reservations"));
        if (form is not null)
        {
            foreach (var input in Markup.Tags(html, "input", form.End, Markup.EndOf(html, form)))
            {
                if (input["name"] is not { } name || name == "__RequestVerificationToken") continue;
                var sent = input["type"] switch
                {
                    "checkbox" => input.Attributes.ContainsKey("checked"),
                    _ => true,
                };
                if (sent) fields[name] = input["value"] ?? "";
            }
        }

        return new ReservationsPage(
            table?["data-child-id"],
            table?["data-week"] is { } week ? DateOnly.ParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            cells,
            fields,
            ItemsOf(html, "div", "confirmation", byId: true),
            ItemsOf(html, "div", "error-summary", byId: false),
            Markup.Text(html));
    }

    private static IReadOnlyList<string> ItemsOf(string html, string element, string name, bool byId)
    {
        var container = Markup.Tags(html, element).FirstOrDefault(t => byId ? t["id"] == name : t.HasClass(name));
        if (container is null) return [];
        var end = html.IndexOf("</ul>", container.End, StringComparison.OrdinalIgnoreCase);
        return Markup.Tags(html, "li", container.End, end < 0 ? html.Length : end)
            .Select(li => Markup.Text(html[li.End..Markup.EndOf(html, li)]))
            .ToList();
    }

    private static bool Flag(Tag tag, string attribute) => tag[attribute] switch
    {
        "true" => true,
        "false" => false,
        var other => throw new FormatException($"<td> of the reservation page has {attribute}=\"{other}\", not true or false."),
    };
}
