using System.Net;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A request as an agent processes it on /Admin/Demarches/Demande/{reference}, over plain HTTP against
/// the real cloud: its opening is in the citizen's access log; a complement asked without a reason
/// is refused next to the reason and changes nothing; a second agent's refusal after an acceptance
/// is told who decided first; an internal note is the agents' only; a document is generated and
/// downloaded; a form sent twice acts once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentRequestPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Opening_a_request_is_written_to_the_citizens_access_log() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var citizen = await Citizen.ConfirmedAsync(platform);
        var filed = await demarche.FileAsync(demarche.Named("Martin"), citizen.Email);
        var reference = filed.Line.Reference;
        Assert.NotEmpty(filed.CitizenAccountId);
        using var cloud = new CloudApi(await platform.CloudAsync());
        var session = await cloud.SignInAsync(citizen.Email, citizen.Password);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var opened = await agent.GetAsync($"/Admin/Demarches/Demande/{reference}");

        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains("Votre consultation est inscrite au journal des accès du demandeur.", opened.Text);
        Assert.Equal((reference, "deposee", "guichet"), AgentAt(opened));
        Assert.Contains($"Demandeur {demarche.Named("Martin")} ({citizen.Email})", opened.Text);
        Assert.Contains("Objet de la demande Location de la salle des fêtes", opened.Text);
        Assert.Contains("Version de la démarche 1", opened.Text);
        var log = await demarche.PersonalData.GetAccessLogAsync(new GetAccessLogRequest(), session, CloudApi.Deadline);
        var line = Assert.Single(log.Entries, e => e.Why == $"demande {reference}");
        Assert.Equal((AgentDemarche.AgentName, AgentDemarche.CommuneName, true), (line.AgentName, line.CommuneNames, line.Allowed));

        await agent.GetAsync($"/Admin/Demarches/Demande/{reference}");
        log = await demarche.PersonalData.GetAccessLogAsync(new GetAccessLogRequest(), session, CloudApi.Deadline);
        Assert.Equal(2, log.Entries.Count(e => e.Why == $"demande {reference}"));

        static (string, string, string) AgentAt(WebPage page) => AgentPages.Request(page) is var r ? (r.Reference, r.State, r.Channel) : default;
    });

    [Fact]
    public Task A_complement_asked_without_a_reason_is_refused_next_to_the_reason_and_changes_nothing() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Thomas"))).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var page = await agent.GetAsync($"/Admin/Demarches/Demande/{reference}");
        Assert.Equal(["demander-complement", "accepter", "refuser"], AgentPages.Moves(page));

        var withoutReason = await agent.SubmitAsync(page, "mouvement", "demander-complement", new Dictionary<string, string> { ["motif"] = "  " });

        Assert.Equal(HttpStatusCode.OK, withoutReason.Status);
        const string Missing = "Indiquez le motif : le demandeur le lira.";
        Assert.Equal([Missing], DossierPages.ErrorSummary(withoutReason));
        Assert.Equal(Missing, DossierPages.FieldError(withoutReason, "motif-demander-complement"));
        Assert.Equal("deposee", AgentPages.Request(withoutReason).State);
        var unchanged = await demarche.RequestAsync(reference);
        Assert.Equal("deposee", unchanged.Line.StateId);
        Assert.DoesNotContain(unchanged.Timeline, e => e.Kind == "etat");

        const string Reason = "Le justificatif de domicile est illisible : apportez-en un autre.";
        var asked = await agent.SubmitAsync(withoutReason, "mouvement", "demander-complement", new Dictionary<string, string> { ["motif"] = Reason });

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Empty(DossierPages.ErrorSummary(asked));
        Assert.Contains($"La demande {reference} est maintenant « Complément demandé ».", asked.Text);
        Assert.Equal("complement", AgentPages.Request(asked).State);
        Assert.Contains(AgentPages.Timeline(asked), e => e.Text.Contains(Reason, StringComparison.Ordinal));
        Assert.Equal(["refuser"], AgentPages.Moves(asked));
    });

    [Fact]
    public Task A_refusal_after_another_agents_acceptance_is_told_who_decided_first_and_changes_nothing() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Richard"))).Line.Reference;
        using var first = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        using var second = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        // Both open the request while it is still to decide.
        var firstPage = await first.GetAsync($"/Admin/Demarches/Demande/{reference}");
        var secondPage = await second.GetAsync($"/Admin/Demarches/Demande/{reference}");

        var accepted = await first.SubmitAsync(firstPage, "mouvement", "accepter");
        Assert.Contains($"La demande {reference} est maintenant « Acceptée ».", accepted.Text);
        Assert.Empty(AgentPages.Moves(accepted));
        var decided = await demarche.RequestAsync(reference);
        Assert.Equal("acceptee", decided.Line.StateId);

        var refused = await second.SubmitAsync(secondPage, "mouvement", "refuser", new Dictionary<string, string> { ["motif"] = "Dossier incomplet." });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(
            [$"Cette demande a déjà été traitée par {AgentDemarche.AgentName} le {FrenchText.DayAndTime(decided.Line.DecidedAt.ToDateTimeOffset())}."],
            DossierPages.ErrorSummary(refused));
        Assert.Equal("acceptee", AgentPages.Request(refused).State);
        var after = await demarche.RequestAsync(reference);
        Assert.Equal(("acceptee", ""), (after.Line.StateId, after.DecisionReason));
        Assert.Equal(decided.Timeline.Count, after.Timeline.Count);

        // The acceptance form sent again (a double click) acts once: no second state change.
        var again = await first.SubmitAsync(firstPage, "mouvement", "accepter");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(decided.Timeline.Count, (await demarche.RequestAsync(reference)).Timeline.Count);
    });

    [Fact]
    public Task An_internal_note_is_shown_to_the_agents_and_never_to_the_citizen() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var citizen = await Citizen.ConfirmedAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Dubois"), citizen.Email)).Line.Reference;
        using var cloud = new CloudApi(await platform.CloudAsync());
        var session = await cloud.SignInAsync(citizen.Email, citizen.Password);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var page = await agent.GetAsync($"/Admin/Demarches/Demande/{reference}");

        const string Note = "Le demandeur a appelé : il passera avec l'original jeudi.";
        var noted = await agent.SubmitAsync(page, "note", null, new Dictionary<string, string> { ["note"] = Note });
        const string Message = "Bonjour, votre demande est en cours d'examen.";
        var sent = await agent.SubmitAsync(noted, "message", null, new Dictionary<string, string> { ["message"] = Message });

        Assert.Contains("La note interne est ajoutée : le demandeur ne la voit pas.", noted.Text);
        Assert.Contains("Le message est envoyé au demandeur.", sent.Text);
        var timeline = AgentPages.Timeline(sent);
        var note = Assert.Single(timeline, e => e.Text.Contains(Note, StringComparison.Ordinal));
        Assert.True(note.Internal);
        Assert.Contains("Note interne (invisible pour le demandeur)", note.Text);
        var message = Assert.Single(timeline, e => e.Text.Contains(Message, StringComparison.Ordinal));
        Assert.False(message.Internal);
        Assert.DoesNotContain("Note interne", message.Text);

        var mine = await demarche.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, session, CloudApi.Deadline);
        Assert.Contains(mine.Timeline, e => e.Text == Message);
        Assert.DoesNotContain(mine.Timeline, e => e.Text.Contains(Note, StringComparison.Ordinal) || e.Internal);

        // An empty note is refused next to its field, and nothing is added.
        var empty = await agent.SubmitAsync(sent, "note", null, new Dictionary<string, string> { ["note"] = " " });
        Assert.Equal("Écrivez la note avant de l'enregistrer.", DossierPages.FieldError(empty, "note"));
        Assert.Equal(timeline.Count, AgentPages.Timeline(empty).Count);
    });

    [Fact]
    public Task A_document_is_generated_from_its_template_and_downloaded_with_the_acknowledgement() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Simon"))).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var page = await agent.GetAsync($"/Admin/Demarches/Demande/{reference}");

        var generated = await agent.SubmitAsync(page, "modele", "attestation");

        Assert.Contains("Le document est généré : le demandeur peut le télécharger.", generated.Text);
        var file = Assert.Single((await demarche.RequestAsync(reference)).Generated);
        Assert.Equal("Attestation", file.Title);
        var link = $"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier={file.FileId}";
        Assert.Contains(Markup.Tags(generated.Html, "a"), a => a["href"] == link);
        var pdf = await agent.DownloadAsync(link);
        Assert.Equal((HttpStatusCode.OK, "application/pdf", file.FileName), (pdf.Status, pdf.MediaType, pdf.FileName));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Bytes, 0, 4));
        var acknowledgement = await agent.DownloadAsync($"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier=accuse-reception");
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (acknowledgement.Status, acknowledgement.MediaType));

        // The same form sent again makes no second document.
        await agent.SubmitAsync(page, "modele", "attestation");
        Assert.Single((await demarche.RequestAsync(reference)).Generated);
    });

    [Fact]
    public Task Taking_a_request_and_putting_it_back_shows_in_the_queue() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Robert"))).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var taken = await agent.SubmitAsync(await agent.GetAsync($"/Admin/Demarches/Demande/{reference}"), "attribution", "moi");

        Assert.Contains("La demande vous est attribuée.", taken.Text);
        Assert.Contains($"Attribuée à {AgentDemarche.AgentName}", taken.Text);
        Assert.NotEmpty(AgentPages.Request(taken).Assigned);
        var queue = await agent.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}&attribuee=moi");
        Assert.Equal([reference], AgentPages.References(queue));

        var back = await agent.SubmitAsync(taken, "attribution", "personne");

        Assert.Contains("La demande est remise dans la file : personne ne la traite.", back.Text);
        Assert.Equal("", AgentPages.Request(back).Assigned);
        Assert.Equal(0, AgentPages.Total(await agent.GetAsync($"/Admin/Demarches?commune={AgentDemarche.Commune}&demarche={demarche.Id}&attribuee=moi")));
    });
}
