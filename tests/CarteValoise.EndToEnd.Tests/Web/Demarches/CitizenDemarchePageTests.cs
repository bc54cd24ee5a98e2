using System.Net;
using System.Text.RegularExpressions;
using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Demarches;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Web.Demarches.CitizenForms;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// The citizen's démarches pages over plain HTTP, as a browser without JavaScript uses them, against
/// the real cloud: the acte de naissance filled page by page (the parents' page skipped for an extrait
/// sans filiation), reviewed and sent once however often «Envoyer» is pressed, its acknowledgement
/// mailed; bad answers refused in French next to their field with nothing saved; a page skipped
/// refused at sending; someone else's request refused; a complement asked by an agent and answered
/// with a document of the safe.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CitizenDemarchePageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Title = "Demande d'acte de naissance";

    [Fact]
    public Task A_citizen_fills_the_acte_de_naissance_page_by_page_sends_it_once_and_follows_it() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        var web = citizen.Web;

        var catalogue = await web.GetAsync("/Demarches?commune=95127");
        Assert.Equal(HttpStatusCode.OK, catalogue.Status);
        Assert.Contains("Les démarches de la mairie de Cergy", catalogue.Text);
        Assert.Contains("Vous n'avez encore commencé aucune démarche.", catalogue.Text);
        var entry = TextOf(catalogue, "h4", "demarche-acte-naissance");
        Assert.Equal(Title, entry);
        Assert.Contains(Markup.Tags(catalogue.Html, "a"), a => a["href"] == CitizenOnPortal.ActeDeNaissanceForm && a["aria-describedby"] == "demarche-acte-naissance");

        var first = await web.GetAsync(CitizenOnPortal.ActeDeNaissanceForm);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Étape 1 sur 3 : Votre demande", Step(first));
        Assert.Contains(Markup.Tags(first.Html, "input"), i => i["type"] == "radio" && i["name"] == Answer("type-acte") && i["value"] == "extrait-sans-filiation");
        // «Lien» depends on «Pour qui», on the same page: the page offers to update itself.
        Assert.Contains("Mettre à jour le formulaire", first.Text);

        var second = await ContinueAsync(web, first, new Dictionary<string, string>
        {
            [Answer("type-acte")] = "extrait-sans-filiation",
            [Answer("pour-qui")] = "moi-meme",
        });
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("Étape 2 sur 3 : La personne dont l'acte est demandé", Step(second));
        var draftId = Regex.Match(second.Address.Query, "brouillon=([0-9a-f]+)").Groups[1].Value;
        Assert.NotEmpty(draftId);
        // Prefilled from the household dossier.
        Assert.Equal(citizen.Citizen.Account.FamilyName, InputValue(second, "nom"));
        Assert.Equal(DemarcheCitizen.BirthDate, InputValue(second, "date-naissance"));

        var third = await ContinueAsync(web, second, new Dictionary<string, string>());
        Assert.Equal("Étape 3 sur 3 : Remise de l'acte", Step(third));
        Assert.Contains("page=remise", third.Address.Query);
        Assert.DoesNotContain("Les parents de la personne", third.Text);

        var review = await ContinueAsync(web, third, new Dictionary<string, string> { [Answer("remise")] = "guichet" });
        Assert.Equal("/Demarches/Formulaire/Verifier", review.Address.AbsolutePath);
        Assert.Equal(["Votre demande", "La personne dont l'acte est demandé", "Remise de l'acte"],
            Markup.Tags(review.Html, "section").Where(s => s.HasClass("review-page")).Select(s => TextOf(review, "h2", $"{s["id"]}-titre")));
        Assert.Contains("Document demandé Extrait sans filiation Pour qui demandez-vous l'acte ? Pour moi-même", review.Text);
        Assert.Contains($"Nom de naissance {citizen.Citizen.Account.FamilyName} Prénoms Léa Date de naissance 14 mai 1990", review.Text);
        Assert.Contains("Comment souhaitez-vous recevoir l'acte ? Je le retire au guichet de la mairie", review.Text);
        Assert.DoesNotContain("parents", review.Text);
        Assert.Contains(Markup.Tags(review.Html, "a"), a => a["href"] == $"/Demarches/Formulaire?commune=95127&demarche=acte-naissance&brouillon={draftId}&page=personne");

        // A double click: the form as shown, with its operation id, posted twice, files one request.
        var filed = await PostShownAsync(web, review, "operation");
        var again = await PostShownAsync(web, review, "operation");

        Assert.Equal(HttpStatusCode.OK, filed.Status);
        var reference = filed.Address.AbsolutePath["/Demarches/Suivi/".Length..];
        Assert.Matches(@"^DEM-95127-\d{4}-\d{6}$", reference);
        Assert.Equal(filed.Address.AbsolutePath, again.Address.AbsolutePath);
        Assert.Equal($"Votre demande {reference} a été envoyée. Un accusé de réception vous a été envoyé par courriel.", TextOf(filed, "div", "envoyee"));
        Assert.Equal("Déposée", TextOf(filed, "span", "etat"));
        var timeline = TextOf(filed, "section", "historique");
        Assert.StartsWith("Historique de la demande (du plus récent au plus ancien)", timeline);
        Assert.Contains($"— {citizen.Citizen.Name} Demande déposée en ligne", timeline);
        Assert.Contains("Document demandé Extrait sans filiation", TextOf(filed, "section", "reponses"));
        Assert.Contains(Markup.Tags(filed.Html, "a"), a => a["href"] == $"/Demarches/Suivi/{reference}?handler=Fichier&fichier=accuse-reception");
        var mine = await citizen.MineAsync();
        Assert.Equal([reference], mine.Requests.Select(r => r.Reference));
        Assert.Empty(mine.Drafts);
        // The review opened again (the back button): the draft is gone, and the page says so.
        var gone = await web.GetAsync(review.Address.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, gone.Status);
        Assert.Equal("Ce brouillon n'existe plus : il a été déposé ou supprimé. Retrouvez vos démarches dans « Mes démarches ».", TextOf(gone, "p", "brouillon-introuvable"));

        var mail = await platform.Mail.WaitForAsync(citizen.Email, m => m.Subject == $"Demande {reference} reçue : {Title}");
        Assert.Contains($"/Demarches/Suivi/{reference}", mail.TextBody);
        var acknowledgement = await web.GetAsync($"/Demarches/Suivi/{reference}?handler=Fichier&fichier=accuse-reception");
        Assert.Equal(HttpStatusCode.OK, acknowledgement.Status);
        Assert.StartsWith("%PDF-", acknowledgement.Html);

        var listed = await web.GetAsync("/Demarches");
        var row = Markup.Tags(listed.Html, "tr").Single(r => r["data-reference"] == reference);
        Assert.Equal($"{reference} {Title} Cergy Déposée", Regex.Replace(Markup.Text(listed.Html[row.End..Markup.EndOf(listed.Html, row)]), @" \d.*$", ""));
    });

    [Fact]
    public Task A_required_answer_left_empty_is_said_next_to_its_field_and_nothing_is_saved() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        var first = await citizen.Web.GetAsync(CitizenOnPortal.ActeDeNaissanceForm);

        var refused = await ContinueAsync(citizen.Web, first, new Dictionary<string, string> { [Answer("pour-qui")] = "moi-meme" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Étape 1 sur 3 : Votre demande", Step(refused));
        const string Missing = "Choisissez « Document demandé ».";
        Assert.Equal([Missing], DossierPages.ErrorSummary(refused));
        Assert.Equal(Missing, DossierPages.FieldError(refused, "type-acte"));
        // What was typed stays.
        Assert.Contains(Markup.Tags(refused.Html, "input"), i => i["name"] == Answer("pour-qui") && i["value"] == "moi-meme" && i.Attributes.ContainsKey("checked"));
        var mine = await citizen.MineAsync();
        Assert.Empty(mine.Drafts);

        // «Enregistrer et quitter» with an error saves nothing either, and says so.
        var quit = await PostAsync(citizen.Web, first, "page", new Dictionary<string, string> { [Answer("pour-qui")] = "moi-meme", ["action"] = "quitter" });
        Assert.Equal("/Demarches/Formulaire", quit.Address.AbsolutePath);
        Assert.StartsWith("Cette page n'a pas été enregistrée : corrigez les erreurs ci-dessous, puis enregistrez-la.", TextOf(quit, "div", "non-enregistre"));
        Assert.Empty((await citizen.MineAsync()).Drafts);
    });

    [Fact]
    public Task A_birth_date_in_the_future_is_refused_and_the_page_is_not_saved() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        var first = await citizen.Web.GetAsync(CitizenOnPortal.ActeDeNaissanceForm);
        var second = await ContinueAsync(citizen.Web, first, new Dictionary<string, string>
        {
            [Answer("type-acte")] = "extrait-sans-filiation",
            [Answer("pour-qui")] = "moi-meme",
        });
        var tomorrow = DossierCitizen.TodayInParis().AddDays(1);

        var refused = await ContinueAsync(citizen.Web, second, new Dictionary<string, string> { [Answer("date-naissance")] = tomorrow.ToString("dd/MM/yyyy") });

        Assert.Equal("Étape 2 sur 3 : La personne dont l'acte est demandé", Step(refused));
        const string Future = "« Date de naissance » ne peut pas être une date à venir.";
        Assert.Equal([Future], DossierPages.ErrorSummary(refused));
        Assert.Equal(Future, DossierPages.FieldError(refused, "date-naissance"));
        Assert.Equal(tomorrow.ToString("yyyy-MM-dd"), InputValue(refused, "date-naissance"));
        var draft = Assert.Single((await citizen.MineAsync()).Drafts);
        Assert.Equal(1, draft.CompletedPages);
        var form = await citizen.Api.Citizen.GetFormAsync(new GetFormRequest { DraftId = draft.DraftId }, citizen.Citizen.Session, DemarchesApi.Deadline);
        Assert.Equal(["demande"], form.CompletedPages);
        // The page is not saved: the form offers the household's prefill again, never the date refused.
        Assert.NotEqual(tomorrow.ToString("yyyy-MM-dd"), form.Answers.GetValueOrDefault("date-naissance"));
    });

    [Fact]
    public Task Sending_a_draft_with_a_page_never_saved_is_refused_with_a_link_to_that_page() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        // The first two pages saved; «Remise de l'acte» never.
        var draft = await citizen.Citizen.FillAsync(citizen.Api, pages: 2, chosen: new Dictionary<string, string> { ["type-acte"] = "extrait-sans-filiation" });
        Assert.Equal("remise", draft.NextPageId);
        var review = await citizen.Web.GetAsync($"/Demarches/Formulaire/Verifier?brouillon={draft.DraftId}");
        Assert.Equal(HttpStatusCode.OK, review.Status);
        Assert.Contains("Remise de l'acte Compléter cette page : Remise de l'acte Cette page n'a pas encore été enregistrée.", review.Text);

        var refused = await PostAsync(citizen.Web, review, "operation", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("/Demarches/Formulaire/Verifier", refused.Address.AbsolutePath);
        Assert.Equal(["Choisissez « Comment souhaitez-vous recevoir l'acte ? ».", "La page « Remise de l'acte » n'a pas été remplie."], DossierPages.ErrorSummary(refused));
        Assert.Contains(Markup.Tags(refused.Html, "a"), a => a["href"] == "#page:remise");
        Assert.Contains(Markup.Tags(refused.Html, "section"), s => s["id"] == "page:remise");
        Assert.Contains(Markup.Tags(refused.Html, "a"), a => a["href"] == $"/Demarches/Formulaire?commune=95127&demarche=acte-naissance&brouillon={draft.DraftId}&page=remise");
        var mine = await citizen.MineAsync();
        Assert.Empty(mine.Requests);
        Assert.Equal([draft.DraftId], mine.Drafts.Select(d => d.DraftId));
    });

    [Fact]
    public Task Another_citizen_opening_the_request_is_refused() => platform.RunAsync(output, async () =>
    {
        using var owner = await CitizenOnPortal.StartAsync(platform);
        var reference = (await owner.Citizen.FileAsync(owner.Api)).Line.Reference;
        using var other = await CitizenOnPortal.StartAsync(platform);

        var refused = await other.Web.GetAsync($"/Demarches/Suivi/{reference}");
        var file = await other.Web.GetAsync($"/Demarches/Suivi/{reference}?handler=Fichier&fichier=accuse-reception");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Accès refusé à cette demande.", TextOf(refused, "p", "acces-refuse"));
        Assert.DoesNotContain(owner.Citizen.Name, refused.Text);
        Assert.DoesNotContain(Title, refused.Text);
        Assert.Equal(HttpStatusCode.Forbidden, file.Status);
        Assert.DoesNotContain("%PDF", file.Html);
        Assert.Equal(HttpStatusCode.OK, (await owner.Web.GetAsync($"/Demarches/Suivi/{reference}")).Status);
    });

    [Fact]
    public Task The_citizen_answers_a_complement_asked_by_an_agent_with_a_document_of_the_safe() => platform.RunAsync(output, async () =>
    {
        using var citizen = await CitizenOnPortal.StartAsync(platform);
        var reference = (await citizen.Citizen.FileAsync(citizen.Api)).Line.Reference;
        var agent = await citizen.Api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        const string Asked = "Joignez un justificatif de domicile de moins de trois mois.";
        await citizen.Api.Desk.MoveRequestAsync(new MoveRequestRequest
        {
            Reference = reference, MoveId = "demander-complement", Reason = Asked, OperationId = Guid.NewGuid().ToString("N"),
        }, agent, DemarchesApi.Deadline);
        var proof = await citizen.UploadAsync("justificatif-domicile", "facture-electricite.pdf");

        var listed = await citizen.Web.GetAsync("/Demarches");
        var row = Markup.Tags(listed.Html, "tr").Single(r => r["data-reference"] == reference);
        Assert.Contains("Complément demandé Action attendue", Markup.Text(listed.Html[row.End..Markup.EndOf(listed.Html, row)]));
        var asked = await citizen.Web.GetAsync($"/Demarches/Suivi/{reference}");
        Assert.Equal("Complément demandé", TextOf(asked, "span", "etat"));
        Assert.StartsWith("Action attendue : la mairie attend une réponse de votre part.", TextOf(asked, "div", "action-attendue"));
        Assert.Contains($"Demander un complément : {Asked}", TextOf(asked, "section", "historique"));
        Assert.Contains(Markup.Tags(asked.Html, "input"), i => i["name"] == "repondre-documents" && i["value"] == proof.DocumentId);

        const string Answered = "Voici ma facture d'électricité du mois dernier.";
        var answered = await PostAsync(citizen.Web, asked, "deplacement", new Dictionary<string, string>
        {
            ["repondre-message"] = Answered,
            ["repondre-documents"] = proof.DocumentId,
        });

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal($"/Demarches/Suivi/{reference}", answered.Address.AbsolutePath);
        Assert.Equal("C'est fait : votre demande est maintenant « En cours d'instruction ».", TextOf(answered, "div", "fait"));
        Assert.Equal("En cours d'instruction", TextOf(answered, "span", "etat"));
        var timeline = TextOf(answered, "section", "historique");
        Assert.Contains(Answered, timeline);
        Assert.Contains("facture-electricite.pdf", timeline);
        Assert.True(timeline.IndexOf(Answered, StringComparison.Ordinal) < timeline.IndexOf(Asked, StringComparison.Ordinal), "The newest entry comes first.");
        var seen = await citizen.Api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, agent, DemarchesApi.Deadline);
        Assert.Equal(("en-instruction", false), (seen.Line.StateId, seen.Line.AwaitsCitizen));
        Assert.Contains(seen.Timeline, e => e.Text.Contains(Answered, StringComparison.Ordinal) && e.Documents.Any(d => d.FileName == "facture-electricite.pdf"));
    });
}
