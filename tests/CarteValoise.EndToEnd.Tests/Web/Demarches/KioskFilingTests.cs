using System.Net;
using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Demarches;
using CarteValoise.EndToEnd.Tests.Platform;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Web.Demarches.CitizenForms;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A family signed in at the kiosk with its card and PIN files a démarche of its commune (Cergy's
/// acte de décès, which asks for no document) over plain HTTP, as the kiosk's browser without
/// JavaScript does: the reference is shown, and the agents' queue lists the request with the channel
/// «kiosk»; a démarche asking for documents is not offered; a missing answer is said in French next
/// to its field, and nothing is filed. Each test's requester carries a name of its own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KioskFilingTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string ActeDeces = "acte-deces";
    private const string Form = "/Demarches/Formulaire/acte-deces";

    [Fact]
    public Task A_family_at_the_kiosk_files_a_demarche_that_the_agents_queue_lists_as_filed_at_a_kiosk() => platform.RunAsync(output, async () =>
    {
        var name = $"Durand {Tag()}";
        using var kiosk = await SignedInAsync();

        var family = await kiosk.GetAsync("/Famille");
        Assert.Contains(Markup.Tags(family.Html, "a"), a => a["href"] == "/Demarches");
        var list = await kiosk.GetAsync("/Demarches");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var offered = Markup.Tags(list.Html, "li").Select(li => li["data-demarche-id"]).OfType<string>().ToList();
        Assert.Contains(ActeDeces, offered);
        Assert.DoesNotContain("acte-naissance", offered);
        Assert.DoesNotContain("reservation-salle", offered);
        Assert.Contains("Les démarches qui demandent des pièces justificatives se font sur le portail CarteValoise ou au guichet de la mairie.", list.Text);

        var filed = await PostAsync(kiosk, await kiosk.GetAsync(Form), "CitizenName", Answers(name));

        Assert.Equal((HttpStatusCode.OK, "/Demarches/Enregistree"), (filed.Status, filed.Address.AbsolutePath));
        var reference = Assert.Single(Markup.Tags(filed.Html, "p"), p => p["data-reference"] is not null)["data-reference"]!;
        Assert.StartsWith($"DEM-{Demo.Cergy}-", reference);
        Assert.Contains($"Votre demande {reference} est enregistrée. Suivez-la sur le portail ou au guichet.", filed.Text);

        var queue = await QueueAsync(name);
        var line = Assert.Single(queue.Lines);
        Assert.Equal((reference, ActeDeces, RequestChannel.Kiosk, name, StateKind.Open),
            (line.Reference, line.DemarcheId, line.Channel, line.CitizenName, line.StateKind));
    });

    [Fact]
    public Task A_missing_answer_is_said_next_to_its_field_and_nothing_is_filed() => platform.RunAsync(output, async () =>
    {
        var name = $"Leroy {Tag()}";
        using var kiosk = await SignedInAsync();
        var answers = Answers(name);
        answers[Answer("lien")] = "";

        var refused = await PostAsync(kiosk, await kiosk.GetAsync(Form), "CitizenName", answers);

        Assert.Equal((HttpStatusCode.OK, Form), (refused.Status, refused.Address.AbsolutePath));
        Assert.Equal("Erreur : Indiquez « Votre lien avec la personne décédée ».", TextOf(refused, "p", "lien-erreur"));
        Assert.Contains(Markup.Tags(refused.Html, "a"), a => a["href"] == "#lien");
        Assert.Equal("true", Assert.Single(Markup.Tags(refused.Html, "input"), i => i["id"] == "lien")["aria-invalid"]);
        // What was typed stays on the screen, to be completed rather than typed again.
        Assert.Equal("Durand", Assert.Single(Markup.Tags(refused.Html, "input"), i => i["id"] == "nom")["value"]);
        Assert.Equal(0, (await QueueAsync(name)).Total);

        var unnamed = await PostAsync(kiosk, refused, "CitizenName", new Dictionary<string, string>(Answers("")));
        Assert.Equal("Erreur : Indiquez votre nom et votre prénom.", TextOf(unnamed, "p", "borne-nom-erreur"));
        Assert.Equal((HttpStatusCode.OK, Form), (unnamed.Status, unnamed.Address.AbsolutePath));
    });

    /// <summary>Eight letters: a requester's name only this test uses, found by the queue's search.</summary>
    private static string Tag() => new([.. Guid.NewGuid().ToByteArray()[..8].Select(b => (char)('a' + b % 26))]);

    private static Dictionary<string, string> Answers(string citizenName) => new()
    {
        [Answer("type-acte")] = "extrait",
        [Answer("lien")] = "fils",
        [Answer("nom")] = "Durand",
        [Answer("prenoms")] = "Jean Pierre",
        [Answer("date-deces")] = "2020-03-02",
        [Answer("remise")] = "guichet",
        ["CitizenName"] = citizenName,
    };

    private async Task<WebSession> SignedInAsync()
    {
        var kiosk = new WebSession(await platform.KioskAsync());
        var family = await kiosk.SubmitFormAsync("/", new Dictionary<string, string> { ["CardUid"] = Demo.CergyFamilyCards[0], ["Pin"] = Demo.KioskPin });
        Assert.Equal((HttpStatusCode.OK, "/Famille"), (family.Status, family.Address.AbsolutePath));
        return kiosk;
    }

    /// <summary>Cergy's queue of actes de décès, searched for the requester's name, as the Cergy agent reads it.</summary>
    private async Task<RequestQueue> QueueAsync(string citizenName)
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var agent = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        return await api.Desk.ListRequestsAsync(
            new ListRequestsRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = ActeDeces, Search = citizenName }, agent, deadline: DemarchesApi.Deadline);
    }
}
