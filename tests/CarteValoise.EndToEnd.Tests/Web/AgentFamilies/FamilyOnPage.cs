using System.Globalization;

namespace CarteValoise.EndToEnd.Tests.Web.AgentFamilies;

/// <summary>A row of the families table: tr[data-family-id] and what a reader sees in it.</summary>
public sealed record FamilyRow(string FamilyId, string Text);

/// <summary>A child of a family page: section[data-child-id][data-card-state][data-card-uid].</summary>
public sealed record EnrolledChildOnPage(string ChildId, string CardState, string CardUid, string Text);

/// <summary>
/// The agents' family page, read through the markers it promises: section.dossier[data-family-id],
/// dd#quotient-actuel[data-quotient], dd#solde[data-balance-cents], one section per child, and the
/// notice (#fait) that says what the last form did.
/// </summary>
public sealed record FamilyOnPage(string FamilyId, int Quotient, long BalanceCents, IReadOnlyList<EnrolledChildOnPage> Children, string? Done, string Text)
{
    public static FamilyOnPage Parse(string html)
    {
        var dossier = Markup.Tags(html, "section").SingleOrDefault(s => s["data-family-id"] is not null && s.HasClass("dossier"))
            ?? throw new FormatException("The family page has no section.dossier[data-family-id].");
        var quotient = Markup.Tags(html, "dd").Single(d => d["id"] == "quotient-actuel");
        var balance = Markup.Tags(html, "dd").Single(d => d["id"] == "solde");
        var children = Markup.Tags(html, "section").Where(s => s["data-child-id"] is not null)
            .Select(s => new EnrolledChildOnPage(s["data-child-id"]!, s["data-card-state"] ?? "", s["data-card-uid"] ?? "",
                Markup.Text(html[s.End..Markup.EndOf(html, s)])))
            .ToList();
        var done = Markup.Tags(html, "div").FirstOrDefault(d => d["id"] == "fait");
        return new FamilyOnPage(
            dossier["data-family-id"]!,
            int.Parse(quotient["data-quotient"]!, CultureInfo.InvariantCulture),
            long.Parse(balance["data-balance-cents"]!, CultureInfo.InvariantCulture),
            children,
            done is null ? null : Markup.Text(html[done.End..Markup.EndOf(html, done)]),
            Markup.Text(html));
    }

    public EnrolledChildOnPage Child(string childId) =>
        Children.SingleOrDefault(c => c.ChildId == childId) ?? throw new Xunit.Sdk.XunitException($"The family page shows no child {childId}.");

    /// <summary>The rows of the families table of /Admin/Familles.</summary>
    public static IReadOnlyList<FamilyRow> Rows(string html) =>
        [.. Markup.Tags(html, "tr").Where(tr => tr["data-family-id"] is not null)
            .Select(tr => new FamilyRow(tr["data-family-id"]!, Markup.Text(html[tr.End..Markup.EndOf(html, tr)])))];
}
