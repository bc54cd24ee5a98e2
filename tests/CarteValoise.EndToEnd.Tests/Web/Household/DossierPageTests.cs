using System.Net;
using CarteValoise.Contracts.Households;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Household;

/// <summary>
/// The household dossier over plain HTTP, as a browser without JavaScript uses it, against the real
/// cloud: a simple change applies at once; a change the commune checks is a request with its proof,
/// applied only when a Cergy agent accepts it, with its mails; a refusal and its reason reach the
/// citizen; bad input is refused in French next to its field and nothing is saved; an agent of
/// another commune can neither list, read nor decide the request.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DossierPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";

    private static readonly Dictionary<string, string> NewAddress = new()
    {
        ["adresse"] = "12 rue des Écoles",
        ["code-postal"] = "95000",
        ["ville"] = "Cergy",
        ["commentaire"] = "",
    };

    [Fact]
    public Task A_phone_change_applies_at_once() => platform.RunAsync(output, async () =>
    {
        using var citizen = await DossierCitizen.StartAsync(platform);

        var saved = await citizen.Web.SubmitFormHoldingAsync("/Dossier/Adulte/a1", "telephone", Adult(phone: "07 39 98 20 02"));

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("/Dossier", saved.Address.AbsolutePath);
        Assert.Contains("Vos modifications sont enregistrées : elles s'appliquent tout de suite.", saved.Text);
        Assert.Contains("Téléphone 07 39 98 20 02", saved.Text);
        var household = await citizen.HouseholdAsync();
        Assert.Equal("07 39 98 20 02", Assert.Single(household.Adults).Phone);
        Assert.Empty(await citizen.ChangesAsync());
    });

    [Fact]
    public Task An_address_change_is_a_request_applied_only_when_a_Cergy_agent_accepts_it() => platform.RunAsync(output, async () =>
    {
        using var citizen = await DossierCitizen.StartAsync(platform);
        var proof = await citizen.UploadAsync("justificatif-domicile", "facture-energie.pdf");

        var tracking = await citizen.Web.SubmitFormAsync("/Dossier/Changement?type=adresse", With(NewAddress, "justificatif", proof.DocumentId));

        Assert.Equal(HttpStatusCode.OK, tracking.Status);
        Assert.Equal("/Dossier/Demandes", tracking.Address.AbsolutePath);
        var reference = Assert.Single(await citizen.ChangesAsync()).Reference;
        Assert.Matches(@"^DOS-95127-\d{4}-\d{6}$", reference);
        Assert.Contains($"Votre demande {reference} est envoyée à la mairie de Cergy.", tracking.Text);
        var shown = DossierPages.Change(tracking, reference);
        Assert.Equal("Submitted", shown.State);
        Assert.Contains("Déposée — Nouvelle adresse : 12 rue des Écoles, 95000 Cergy", shown.Text);
        Assert.Contains("Justificatif de domicile : facture-energie.pdf", shown.Text);

        // Nothing applied yet.
        Assert.Null((await citizen.HouseholdAsync()).Address);
        Assert.Contains("Aucune adresse enregistrée pour l'instant.", (await citizen.Web.GetAsync("/Dossier")).Text);
        var acknowledgement = await platform.Mail.WaitForAsync(citizen.Citizen.Email, m => m.Subject == $"Demande {reference} reçue : changement d'adresse");
        Assert.Contains($"La mairie de Cergy a bien reçu votre demande {reference}", acknowledgement.TextBody);
        Assert.Contains("Nouvelle adresse : 12 rue des Écoles, 95000 Cergy", acknowledgement.TextBody);
        Assert.Contains($"{platform.PortalAddress.ToString().TrimEnd('/')}/Dossier/Demandes", acknowledgement.TextBody);

        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var queue = await agent.GetAsync("/Admin/Demandes?etat=a-traiter");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Equal("Submitted", DossierPages.Change(queue, reference).State);
        Assert.Contains("Changement d'adresse Camille Martin", DossierPages.Change(queue, reference).Text);

        var opened = await agent.GetAsync($"/Admin/Demandes/{reference}");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("InReview", DossierPages.Change(opened, reference).State);
        Assert.Contains("Adresse — 12 rue des Écoles, 95000 Cergy", opened.Text);
        Assert.Equal([$"/Admin/Pieces/{reference}/{proof.DocumentId}?motif=Demande%20{reference}"], DossierPages.DocumentLinks(opened));
        Assert.Null((await citizen.HouseholdAsync()).Address);
        await AssertLoggedAsync(citizen, reference);

        var accepted = await agent.SubmitFormHoldingAsync($"/Admin/Demandes/{reference}", "accepter", new Dictionary<string, string> { ["accepter"] = "oui" });

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Contains($"La demande {reference} est acceptée : le dossier est à jour et le demandeur en est informé par courriel.", accepted.Text);
        Assert.Equal("Accepted", DossierPages.Change(accepted, reference).State);
        Assert.Equal(new HouseholdAddress { Street = "12 rue des Écoles", PostalCode = "95000", City = "Cergy" }, (await citizen.HouseholdAsync()).Address);
        var dossier = await citizen.Web.GetAsync("/Dossier");
        Assert.Contains("Adresse 12 rue des Écoles 95000 Cergy", dossier.Text);
        Assert.Contains("Acceptée", DossierPages.Change(await citizen.Web.GetAsync("/Dossier/Demandes"), reference).Text);
        var decision = await platform.Mail.WaitForAsync(citizen.Citizen.Email, m => m.Subject == $"Demande {reference} acceptée");
        Assert.Contains($"La mairie de Cergy a accepté le ", decision.TextBody);
        Assert.Contains("Votre dossier famille est à jour", decision.TextBody);
    });

    [Fact]
    public Task A_refusal_needs_its_reason_which_the_citizen_then_reads() => platform.RunAsync(output, async () =>
    {
        using var citizen = await DossierCitizen.StartAsync(platform);
        var proof = await citizen.UploadAsync("justificatif-domicile", "quittance.pdf");
        await citizen.Web.SubmitFormAsync("/Dossier/Changement?type=adresse", With(NewAddress, "justificatif", proof.DocumentId));
        var reference = Assert.Single(await citizen.ChangesAsync()).Reference;
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var withoutReason = await agent.SubmitFormHoldingAsync($"/Admin/Demandes/{reference}", "refuser", new Dictionary<string, string> { ["refuser"] = "oui", ["motif-refus"] = " " });

        Assert.Equal(HttpStatusCode.OK, withoutReason.Status);
        const string ReasonMissing = "Indiquez le motif du refus : il est envoyé au demandeur, qui pourra corriger sa demande.";
        Assert.Equal([ReasonMissing], DossierPages.ErrorSummary(withoutReason));
        Assert.Equal(ReasonMissing, DossierPages.FieldError(withoutReason, "motif-refus"));
        Assert.Equal(DossierChangeState.InReview, Assert.Single(await citizen.ChangesAsync()).State);

        const string Reason = "Le justificatif est au nom d'une autre personne : joignez une facture à votre nom.";
        var refused = await agent.SubmitFormHoldingAsync($"/Admin/Demandes/{reference}", "refuser", new Dictionary<string, string> { ["refuser"] = "oui", ["motif-refus"] = Reason });

        Assert.Contains($"La demande {reference} est refusée : le demandeur en est informé par courriel, avec le motif.", refused.Text);
        var tracking = await citizen.Web.GetAsync("/Dossier/Demandes");
        var shown = DossierPages.Change(tracking, reference);
        Assert.Equal("Refused", shown.State);
        Assert.Contains($"Refusée — Nouvelle adresse : 12 rue des Écoles, 95000 Cergy Motif du refus : {Reason}", shown.Text);
        Assert.Null((await citizen.HouseholdAsync()).Address);
        var mail = await platform.Mail.WaitForAsync(citizen.Citizen.Email, m => m.Subject == $"Demande {reference} refusée");
        Assert.Contains(Reason, mail.TextBody);
        Assert.Contains("Votre dossier famille n'a pas changé.", mail.TextBody);
    });

    [Fact]
    public Task Bad_inputs_are_refused_in_French_next_to_their_field_and_nothing_is_saved() => platform.RunAsync(output, async () =>
    {
        using var citizen = await DossierCitizen.StartAsync(platform);
        var before = await citizen.HouseholdAsync();

        var sixDigits = await citizen.Web.SubmitFormHoldingAsync("/Dossier/Adulte/a1", "caf", Adult(caf: "123456", phone: "07 11 11 11 11"));
        Assert.Equal(HttpStatusCode.OK, sixDigits.Status);
        Assert.Equal("/Dossier/Adulte/a1", sixDigits.Address.AbsolutePath);
        const string CafProblem = "Le numéro d'allocataire CAF « 123456 » n'est pas valide : il a 7 chiffres (ici 6), tel qu'il figure en haut de vos courriers de la CAF, par exemple 1234567.";
        Assert.Equal([CafProblem], DossierPages.ErrorSummary(sixDigits));
        Assert.Equal(CafProblem, DossierPages.FieldError(sixDigits, "caf"));
        Assert.Contains(Markup.Tags(sixDigits.Html, "input"), i => i["name"] == "caf" && i["value"] == "123456" && i["aria-invalid"] == "true");

        var tomorrow = DossierCitizen.TodayInParis().AddDays(1);
        var future = await citizen.Web.SubmitFormHoldingAsync("/Dossier/Adulte/a1", "caf", Adult(birthDate: tomorrow.ToString("yyyy-MM-dd")));
        Assert.Equal($"La date de naissance ne peut pas être après aujourd'hui : le {FrenchText.Day(tomorrow)} n'est pas encore arrivé.",
            DossierPages.FieldError(future, "date-naissance"));

        var child = await citizen.Web.SubmitFormAsync("/Dossier/Changement?type=enfant", new Dictionary<string, string>
        {
            ["enfant-prenom"] = "Noé", ["enfant-nom"] = "Martin", ["enfant-date-naissance"] = tomorrow.ToString("yyyy-MM-dd"), ["enfant-ecole"] = "", ["commentaire"] = "",
        });
        // Every problem at once (the summary's order is the page's, not the form's).
        Assert.Equal(
        [
            "Joignez votre livret de famille : choisissez-le parmi vos documents, ou ajoutez-le d'abord dans « Mes documents ».",
            $"La date de naissance ne peut pas être après aujourd'hui : le {FrenchText.Day(tomorrow)} n'est pas encore arrivé.",
        ], DossierPages.ErrorSummary(child).Order(StringComparer.Ordinal));
        Assert.Equal("Noé", Markup.Tags(child.Html, "input").Single(i => i["name"] == "enfant-prenom")["value"]);

        var withoutProof = await citizen.Web.SubmitFormAsync("/Dossier/Changement?type=adresse", NewAddress);
        const string ProofMissing = "Joignez un justificatif de domicile : choisissez-le parmi vos documents, ou ajoutez-le d'abord dans « Mes documents ».";
        Assert.Equal([ProofMissing], DossierPages.ErrorSummary(withoutProof));
        Assert.Equal(ProofMissing, DossierPages.FieldError(withoutProof, "justificatif"));
        Assert.Contains(Markup.Tags(withoutProof.Html, "a"), a => a["href"] == "/Documents");

        var after = await citizen.HouseholdAsync();
        Assert.Equal(before.Adults, after.Adults);
        Assert.Null(after.Address);
        Assert.Empty(after.Children);
        Assert.Empty(await citizen.ChangesAsync());
        Assert.DoesNotContain(platform.Mail.To(citizen.Citizen.Email), m => (m.Subject ?? "").StartsWith("Demande ", StringComparison.Ordinal));
    });

    [Fact]
    public Task An_agent_of_another_commune_can_neither_list_read_nor_decide_the_request() => platform.RunAsync(output, async () =>
    {
        using var citizen = await DossierCitizen.StartAsync(platform);
        var proof = await citizen.UploadAsync("justificatif-domicile", "facture-eau.pdf");
        await citizen.Web.SubmitFormAsync("/Dossier/Changement?type=adresse", With(NewAddress, "justificatif", proof.DocumentId));
        var reference = Assert.Single(await citizen.ChangesAsync()).Reference;

        using var pontoise = new WebSession(await platform.PortalAsync());
        await pontoise.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.GetAsync("/Admin/Demandes?commune=95127")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await pontoise.GetAsync($"/Admin/Demandes/{reference}")).Status);
        var ownQueue = await pontoise.GetAsync("/Admin/Demandes");
        Assert.Equal(HttpStatusCode.OK, ownQueue.Status);
        Assert.DoesNotContain(DossierPages.Changes(ownQueue), c => c.Reference == reference);

        using var cloud = new CloudApi(await platform.CloudAsync());
        using var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        var households = new CarteValoise.Contracts.Households.Households.HouseholdsClient(channel);
        var agent = await cloud.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        await AssertDeniedAsync(households.ListDossierChangesAsync(new ListDossierChangesRequest { CommuneInseeCode = DossierCitizen.Cergy }, agent, CloudApi.Deadline));
        await AssertDeniedAsync(households.GetDossierChangeAsync(new GetDossierChangeRequest { Reference = reference }, agent, CloudApi.Deadline));
        await AssertDeniedAsync(households.DecideDossierChangeAsync(new DecideDossierChangeRequest { Reference = reference, Accept = true, OperationId = "x" }, agent, CloudApi.Deadline));
        // Nor may a parent read a commune's queue.
        await AssertDeniedAsync(households.ListDossierChangesAsync(new ListDossierChangesRequest { CommuneInseeCode = DossierCitizen.Cergy }, citizen.Session, CloudApi.Deadline));

        Assert.Equal(DossierChangeState.Submitted, Assert.Single(await citizen.ChangesAsync()).State);
        Assert.Null((await citizen.HouseholdAsync()).Address);
    });

    /// <summary>The fields of the adult form of /Dossier/Adulte, as the citizen leaves them but for what the test changes.</summary>
    private static Dictionary<string, string> Adult(string phone = "06 39 98 10 01", string caf = "1234567", string birthDate = "1988-04-21")
    {
        var fields = DossierCitizen.Me(phone, caf, birthDate);
        fields.Remove("commune");
        return fields;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string name, string value) => new(fields) { [name] = value };

    private async Task AssertLoggedAsync(DossierCitizen citizen, string reference)
    {
        using var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        var log = await new PersonalData.PersonalDataClient(channel).GetAccessLogAsync(new GetAccessLogRequest(), citizen.Session, CloudApi.Deadline);
        var line = Assert.Single(log.Entries, e => e.Why == $"demande {reference}");
        Assert.Equal(("Agent de Cergy", "Cergy", true), (line.AgentName, line.CommuneNames, line.Allowed));
    }

    private static async Task AssertDeniedAsync<T>(AsyncUnaryCall<T> call)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
    }
}
