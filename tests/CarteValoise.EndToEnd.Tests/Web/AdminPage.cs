namespace CarteValoise.EndToEnd.Tests.Web;

/// <summary>A reader box as the agents' page lists it.</summary>
public sealed record BoxOnPage(string BoxId, string SchoolId, long DurableSequence, string Health, bool Flagged, string Text);

/// <summary>The one-time enrolment code the page shows once, after the agent added a box.</summary>
public sealed record EnrolmentCodeOnPage(string Code, string BoxId, string Text);

/// <summary>
/// The agents' /Admin page, read through the markers it promises:
/// tr[data-box-id][data-box-school-id][data-durable-sequence][data-box-health] for each box,
/// [data-flagged-boxes] for how many need looking at, and p#enrolment-code[data-code][data-box-id].
/// </summary>
public sealed record AdminPage(IReadOnlyList<BoxOnPage> Boxes, int? FlaggedBoxes, EnrolmentCodeOnPage? EnrolmentCode, string Text)
{
    public BoxOnPage? Box(string boxId) => Boxes.SingleOrDefault(b => b.BoxId == boxId);

    public static AdminPage Parse(string html)
    {
        var boxes = Markup.Tags(html, "tr")
            .Where(tr => tr["data-box-id"] is not null)
            .Select(tr => new BoxOnPage(
                tr["data-box-id"]!,
                tr["data-box-school-id"] ?? throw new FormatException($"Box row {tr["data-box-id"]} has no data-box-school-id."),
                long.Parse(tr["data-durable-sequence"] ?? throw new FormatException($"Box row {tr["data-box-id"]} has no data-durable-sequence."),
                    System.Globalization.CultureInfo.InvariantCulture),
                tr["data-box-health"] ?? throw new FormatException($"Box row {tr["data-box-id"]} has no data-box-health."),
                tr.HasClass("flagged"),
                Markup.Text(html[tr.End..Markup.EndOf(html, tr)])))
            .ToList();
        var flagged = Markup.Tags(html, "p").Concat(Markup.Tags(html, "div")).FirstOrDefault(t => t["data-flagged-boxes"] is not null)?["data-flagged-boxes"];
        var code = Markup.Tags(html, "p").SingleOrDefault(p => p["id"] == "enrolment-code");
        return new AdminPage(
            boxes,
            flagged is null ? null : int.Parse(flagged, System.Globalization.CultureInfo.InvariantCulture),
            code is null ? null : new EnrolmentCodeOnPage(code["data-code"] ?? "", code["data-box-id"] ?? "", Markup.Text(html[code.End..Markup.EndOf(html, code)])),
            Markup.Text(html));
    }
}
