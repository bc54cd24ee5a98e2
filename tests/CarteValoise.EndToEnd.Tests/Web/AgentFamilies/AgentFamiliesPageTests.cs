using System.Globalization;
using System.Net;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.AgentRules;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.AgentFamilies;

/// <summary>
/// What an agent does with families on the portal's pages, over HTTP against the real cloud: enrol
/// a family and a child and find them in the list, set a quotient familial (and see the cloud's
/// refusal of one out of range next to the field, nothing changed), give, block and replace a card,
/// read a child's taps; and another commune's pages refused.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentFamiliesPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string FamiliesPage = $"/Admin/Familles?commune={ArgenteuilAgent.Commune}";

    [Fact]
    public Task An_agent_creates_a_family_and_enrols_a_child_and_sees_them_in_the_list() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var tag = ArgenteuilAgent.NewTag();
        var name = $"ESSAI-{tag}";

        var family = await CreateFamilyAsync(agent, name);
        Assert.Matches(@"^95018-F\d{3}$", family.FamilyId);
        Assert.Equal($"La famille {name} est créée sous le numéro {family.FamilyId}. Ajoutez maintenant ses enfants.", family.Done);
        Assert.Equal(-1, family.Quotient);
        Assert.Contains("12 rue des Écoles, 95100 Argenteuil", family.Text);
        Assert.Contains("06 39 98 12 34", family.Text);
        Assert.Contains("Ouvert pour le motif « Inscription d'une nouvelle famille »", family.Text);
        Assert.Empty(family.Children);

        var childForm = $"/Admin/Familles/{family.FamilyId}/Enfant";
        var form = await agent.GetAsync(childForm);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var fields = FormFields.OfFormHolding(form.Html, "prenom");
        Assert.Equal(name, fields["nom"]);
        var canteenDays = Markup.Tags(form.Html, "input").Select(i => i["name"]).OfType<string>().Where(n => n.StartsWith("cantine-", StringComparison.Ordinal)).Take(2).ToList();
        Assert.Equal(2, canteenDays.Count);
        fields["prenom"] = "Léa";
        fields["naissance"] = "2018-05-03";
        fields["ecole"] = ArgenteuilAgent.School;
        fields["classe"] = "CE1";
        foreach (var day in canteenDays) fields[day] = "oui";

        var saved = await agent.SubmitFormHoldingAsync(childForm, "prenom", fields);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var withChild = FamilyOnPage.Parse(saved.Html);
        var child = Assert.Single(withChild.Children);
        Assert.Equal($"L'inscription de Léa {name} est enregistrée.", withChild.Done);
        Assert.Contains($"Léa {name}", child.Text);
        Assert.Contains("03/05/2018", child.Text);
        Assert.Contains($"{ArgenteuilAgent.SchoolName}, classe CE1", child.Text);
        Assert.Contains($"Cantine : {canteenDays[0]["cantine-".Length..]} et {canteenDays[1]["cantine-".Length..]}", child.Text);
        Assert.Contains("aucune carte", child.Text);

        var list = await agent.GetAsync($"{FamiliesPage}&recherche={tag}");
        var row = Assert.Single(FamilyOnPage.Rows(list.Html));
        Assert.Equal(family.FamilyId, row.FamilyId);
        Assert.Equal($"{name} {family.FamilyId} 1 non renseigné 0,00 €", row.Text);
        // A child's name finds the family too.
        var byChild = await agent.GetAsync($"{FamiliesPage}&recherche={Uri.EscapeDataString($"Léa {name}")}");
        Assert.Equal([family.FamilyId], FamilyOnPage.Rows(byChild.Html).Select(r => r.FamilyId));
    });

    [Fact]
    public Task A_quotient_familial_out_of_range_is_refused_next_to_its_field_and_the_quotient_is_unchanged() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var name = $"QF-{ArgenteuilAgent.NewTag()}";
        var family = await CreateFamilyAsync(agent, name);
        var page = $"/Admin/Familles/{family.FamilyId}";
        var justified = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var set = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync(page, "quotient",
            new Dictionary<string, string> { ["quotient"] = "650", ["justifie-le"] = justified })).Html);
        Assert.Equal(650, set.Quotient);
        Assert.Equal($"Le quotient familial de la famille {name} est enregistré : 650.", set.Done);
        Assert.Contains("650 (justificatif du ", set.Text);

        var refused = await agent.SubmitFormHoldingAsync(page, "quotient",
            new Dictionary<string, string> { ["quotient"] = "12 500", ["justifie-le"] = justified });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var expected = QuotientFamilialRange.ProblemWith(12_500)!;
        Assert.Equal($"Erreur : {expected}", TextOf(refused.Html, "p", "quotient-erreur"));
        Assert.Contains(Markup.Tags(refused.Html, "a"), a => a["href"] == "#quotient" && Markup.Text(refused.Html[a.End..Markup.EndOf(refused.Html, a)]) == expected);
        Assert.Equal("12 500", Markup.Tags(refused.Html, "input").Single(i => i["id"] == "quotient")["value"]);
        Assert.Equal("true", Markup.Tags(refused.Html, "input").Single(i => i["id"] == "quotient")["aria-invalid"]);
        var after = FamilyOnPage.Parse(refused.Html);
        Assert.Equal(650, after.Quotient);
        Assert.Null(after.Done);

        var unreadable = await agent.SubmitFormHoldingAsync(page, "quotient",
            new Dictionary<string, string> { ["quotient"] = "douze", ["justifie-le"] = justified });
        Assert.Equal("Erreur : « douze » n'est pas un quotient familial : écrivez un nombre entier d'euros, par exemple 650.", TextOf(unreadable.Html, "p", "quotient-erreur"));
        Assert.Equal(650, FamilyOnPage.Parse((await agent.GetAsync(page)).Html).Quotient);
    });

    [Fact]
    public Task An_agent_gives_a_card_declares_it_lost_after_confirming_replaces_it_and_reads_the_childs_taps() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var tag = ArgenteuilAgent.NewTag();
        var name = $"CARTE-{tag}";
        var family = await CreateFamilyAsync(agent, name);
        var childId = await EnrolChildAsync(agent, family.FamilyId, "Hugo", "2017-07-07");
        var page = $"/Admin/Familles/{family.FamilyId}";
        string[] cards = [$"04{tag}A1B2", $"04{tag}C3D4", $"04{tag}E5F6"];

        var wrong = await agent.SubmitFormHoldingAsync(page, "carte", new Dictionary<string, string> { ["carte"] = "XYZ", ["ancienne-carte"] = "" });
        Assert.Equal("Erreur : « XYZ » n'est pas un numéro de carte (4, 7 ou 10 octets en hexadécimal, par exemple 04A2B3C4D5E6F7).", TextOf(wrong.Html, "p", $"carte-{childId}-erreur"));
        Assert.Equal("XYZ", Markup.Tags(wrong.Html, "input").Single(i => i["id"] == $"carte-{childId}")["value"]);
        Assert.Equal("None", FamilyOnPage.Parse(wrong.Html).Child(childId).CardState);

        var given = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync(page, "carte", new Dictionary<string, string> { ["carte"] = cards[0], ["ancienne-carte"] = "" })).Html);
        Assert.Equal($"La carte {cards[0]} est attribuée à Hugo {name}.", given.Done);
        Assert.Equal(("Active", cards[0]), (given.Child(childId).CardState, given.Child(childId).CardUid));
        Assert.Contains("Remplacer la carte", given.Child(childId).Text);

        // Declaring a card lost asks for a confirmation first; the page alone blocks nothing.
        var asking = await agent.GetAsync($"{page}?perdue={childId}");
        Assert.Contains($"La carte {cards[0]} de Hugo sera refusée à toutes les boîtes de l'école dès leur prochaine synchronisation.", asking.Text);
        Assert.Equal("Active", FamilyOnPage.Parse(asking.Html).Child(childId).CardState);
        var lost = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync($"{page}?perdue={childId}", "confirmation",
            new Dictionary<string, string> { ["confirmation"] = "oui", ["ancienne-carte"] = cards[0] })).Html);
        Assert.Equal($"La carte {cards[0]} de Hugo {name} est déclarée perdue : elle est refusée à toutes les boîtes dès leur prochaine synchronisation. Attribuez-lui une nouvelle carte ci-dessous.", lost.Done);
        Assert.Equal("Lost", lost.Child(childId).CardState);
        Assert.Contains($"{cards[0]} — déclarée perdue, bloquée", lost.Child(childId).Text);

        var second = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync(page, "carte", new Dictionary<string, string> { ["carte"] = cards[1], ["ancienne-carte"] = "" })).Html);
        Assert.Equal($"La carte {cards[1]} est attribuée à Hugo {name}.", second.Done);
        Assert.Equal(("Active", cards[1]), (second.Child(childId).CardState, second.Child(childId).CardUid));

        var replaced = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync(page, "carte", new Dictionary<string, string> { ["carte"] = cards[2], ["ancienne-carte"] = cards[1] })).Html);
        Assert.Equal($"La carte {cards[2]} remplace la carte {cards[1]} de Hugo {name} : l'ancienne est refusée à toutes les boîtes dès leur prochaine synchronisation.", replaced.Done);
        Assert.Equal(("Active", cards[2]), (replaced.Child(childId).CardState, replaced.Child(childId).CardUid));

        var taps = await agent.GetAsync($"{page}/Enfant/{childId}/Passages");
        Assert.Equal(HttpStatusCode.OK, taps.Status);
        Assert.Contains($"Passages de Hugo {name}", taps.Text);
        Assert.Contains("Aucun passage de carte ces 30 derniers jours.", taps.Text);
        Assert.Equal("0", Markup.Tags(taps.Html, "section").Single(s => s["data-child-id"] == childId)["data-taps"]);
    });

    [Fact]
    public Task Another_communes_families_rules_and_import_pages_are_refused() => platform.RunAsync(output, async () =>
    {
        using var agent = await SignedInAsync();
        var other = ArgenteuilAgent.OtherCommune;
        foreach (var path in new[] { $"/Admin/Familles?commune={other}", $"/Admin/Regles?commune={other}", $"/Admin/Import?commune={other}" })
        {
            var refused = await agent.GetAsync(path);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{path} answered {(int)refused.Status}.");
            Assert.Contains("Accès refusé", refused.Text);
        }
        // Another commune's family looks unknown: the cloud does not say it exists.
        var family = await agent.GetAsync($"/Admin/Familles/{ArgenteuilAgent.OtherCommuneFamily}");
        Assert.Equal(HttpStatusCode.NotFound, family.Status);
        Assert.Contains("Page introuvable", family.Text);

    });

    private async Task<WebSession> SignedInAsync()
    {
        var agent = new WebSession(await platform.PortalAsync());
        var signedIn = await agent.SignInAsync(ArgenteuilAgent.Email, Demo.AgentPassword);
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        return agent;
    }

    private static async Task<FamilyOnPage> CreateFamilyAsync(WebSession agent, string name)
    {
        var created = await agent.SubmitFormHoldingAsync(FamiliesPage, "nom", new Dictionary<string, string>
        {
            ["nom"] = name,
            ["adresse"] = "12 rue des Écoles",
            ["code-postal"] = "95100",
            ["ville"] = "Argenteuil",
            ["telephone"] = "0639981234",
            ["courriel"] = "famille.essai@example.fr",
        });
        Assert.True(created.Status == HttpStatusCode.OK, $"Creating the family answered {(int)created.Status}: {created.Text}");
        Assert.Matches(@"/Admin/Familles/95018-F\d{3}\?", created.Address.PathAndQuery);
        return FamilyOnPage.Parse(created.Html);
    }

    private static async Task<string> EnrolChildAsync(WebSession agent, string familyId, string firstName, string birthDate)
    {
        var path = $"/Admin/Familles/{familyId}/Enfant";
        var fields = FormFields.OfFormHolding((await agent.GetAsync(path)).Html, "prenom");
        fields["prenom"] = firstName;
        fields["naissance"] = birthDate;
        fields["ecole"] = ArgenteuilAgent.School;
        var saved = FamilyOnPage.Parse((await agent.SubmitFormHoldingAsync(path, "prenom", fields)).Html);
        return Assert.Single(saved.Children).ChildId;
    }

    private static string TextOf(string html, string tag, string id)
    {
        var element = Markup.Tags(html, tag).SingleOrDefault(t => t["id"] == id) ?? throw new Xunit.Sdk.XunitException($"The page has no <{tag} id=\"{id}\">.");
        return Markup.Text(html[element.End..Markup.EndOf(html, element)]);
    }
}
