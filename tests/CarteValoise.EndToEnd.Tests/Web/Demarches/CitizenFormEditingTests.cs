using System.Net;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Web.Demarches.CitizenForms;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A form page drawn again without JavaScript: a repeated group gains and loses items with
/// «Ajouter» and «Retirer», what was typed kept in place; a question that depends on an answer of
/// the same page appears with «Mettre à jour le formulaire»; none of these saves anything.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenFormEditingTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Organiser = "/Demarches/Formulaire?commune=95127&demarche=reservation-salle&page=organisateur";

    [Fact]
    public Task A_group_gains_and_loses_items_keeping_what_was_typed_and_nothing_is_saved() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        var page = await citizen.Web.GetAsync(Organiser);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Étape 2 sur 3 : L'organisateur", Step(page));
        Assert.Equal("1", Values(page, "page")["groupes[responsables]"]);
        Assert.DoesNotContain(Markup.Tags(page.Html, "label"), l => l["for"] == "association");

        var added = await PostAsync(citizen.Web, page, "page", new Dictionary<string, string>
        {
            [Answer("statut")] = "association",
            [Answer("responsables[0].responsable-nom")] = "Marie Durand",
            [Answer("responsables[0].responsable-telephone")] = "06 12 34 56 78",
            ["ajouter"] = "responsables",
        });

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Empty(DossierPages.ErrorSummary(added));
        Assert.Equal("2", Values(added, "page")["groupes[responsables]"]);
        Assert.Equal("Marie Durand", InputValue(added, "responsables[0].responsable-nom"));
        Assert.Equal("", InputValue(added, "responsables[1].responsable-nom"));
        Assert.Contains("Personnes responsables sur place — n° 2", added.Text);
        // «Pour une association» chosen: the page drawn again asks the association's name.
        Assert.Contains(Markup.Tags(added.Html, "label"), l => l["for"] == "association");

        var removed = await PostAsync(citizen.Web, added, "page", new Dictionary<string, string>
        {
            [Answer("responsables[1].responsable-nom")] = "Paul Martin",
            [Answer("responsables[1].responsable-telephone")] = "06 98 76 54 32",
            ["retirer"] = "responsables[0]",
        });

        Assert.Equal("1", Values(removed, "page")["groupes[responsables]"]);
        Assert.Equal("Paul Martin", InputValue(removed, "responsables[0].responsable-nom"));
        Assert.Equal("06 98 76 54 32", InputValue(removed, "responsables[0].responsable-telephone"));
        Assert.Null(InputValue(removed, "responsables[1].responsable-nom"));

        var updated = await PostAsync(citizen.Web, removed, "page", new Dictionary<string, string> { [Answer("statut")] = "particulier", ["actualiser"] = "1" });
        Assert.DoesNotContain(Markup.Tags(updated.Html, "label"), l => l["for"] == "association");
        Assert.Equal("Paul Martin", InputValue(updated, "responsables[0].responsable-nom"));
        Assert.Empty((await citizen.MineAsync()).Drafts);
    });
}
