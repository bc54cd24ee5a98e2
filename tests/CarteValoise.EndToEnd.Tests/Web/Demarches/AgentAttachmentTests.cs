using System.Net;
using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using CarteValoise.EndToEnd.Tests.Web.Household;
using Google.Protobuf;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A file an agent joins to a message, over plain HTTP against the real cloud: sent from the request
/// page, it shows in the citizen's history and both download the same bytes; a program renamed .pdf
/// is refused in French next to the file and nothing is posted; the request's other readers only may
/// download it; a file on an internal note stays the agents'.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentAttachmentTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Attachment = "piece-jointe";
    private const string Label = "Pièce jointe de la mairie";

    [Fact]
    public Task A_file_joined_to_a_message_is_listed_for_the_citizen_and_both_download_it() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var citizen = await Citizen.ConfirmedAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Lefebvre"), citizen.Email)).Line.Reference;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        var pdf = SampleFiles.Pdf("Arrêté de location de la salle");

        var sent = await agent.UploadAsync($"/Admin/Demarches/Demande/{reference}", Attachment, "arrete-location.pdf", pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Empty(DossierPages.ErrorSummary(sent));
        Assert.Contains("Le message est envoyé au demandeur.", sent.Text);
        var entry = Assert.Single((await demarche.RequestAsync(reference)).Timeline, e => e.Kind == "message-agent");
        var file = Assert.Single(entry.Documents);
        Assert.Equal(("piece-commune", Label, "arrete-location.pdf", "application/pdf", (long)pdf.Length),
            (file.TypeCode, file.TypeLabel, file.FileName, file.ContentType, file.SizeBytes));
        var agentLink = $"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier={file.DocumentId}";
        var onAgentPage = Assert.Single(AgentPages.Timeline(sent), e => e.Kind == "message-agent");
        Assert.Contains($"{Label} : arrete-location.pdf", onAgentPage.Text);
        Assert.Contains(Markup.Tags(sent.Html, "a"), a => a["href"] == agentLink);
        var agentCopy = await agent.DownloadAsync(agentLink);
        Assert.Equal((HttpStatusCode.OK, "application/pdf", "arrete-location.pdf"), (agentCopy.Status, agentCopy.MediaType, agentCopy.FileName));
        Assert.Equal(pdf, agentCopy.Bytes);

        using var web = new WebSession(await platform.PortalAsync());
        await web.SignInAsync(citizen.Email, citizen.Password);
        var followed = await web.GetAsync($"/Demarches/Suivi/{reference}");
        var citizenLink = $"/Demarches/Suivi/{reference}?handler=Fichier&fichier={file.DocumentId}";
        var listed = Markup.Tags(followed.Html, "li").First(li => li["data-document-id"] == file.DocumentId);
        Assert.Equal($"arrete-location.pdf ({Label})", Markup.Text(followed.Html[listed.End..Markup.EndOf(followed.Html, listed)]));
        Assert.Contains(Markup.Tags(followed.Html, "a"), a => a["href"] == citizenLink);
        using var downloads = new Downloads(await platform.PortalAsync());
        await downloads.SignInAsync(citizen.Email, citizen.Password);
        var citizenCopy = await downloads.GetAsync(citizenLink);
        Assert.Equal((HttpStatusCode.OK, "application/pdf", "arrete-location.pdf"), (citizenCopy.Status, citizenCopy.MediaType, citizenCopy.FileName));
        Assert.Equal(pdf, citizenCopy.Bytes);
    });

    [Fact]
    public Task A_program_renamed_pdf_is_refused_next_to_the_file_and_nothing_is_posted() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Garnier"))).Line.Reference;
        var before = (await demarche.RequestAsync(reference)).Timeline.Count;
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);

        var refused = await agent.UploadAsync($"/Admin/Demarches/Demande/{reference}", Attachment, "arrete.pdf", SampleFiles.WindowsProgram(), "application/pdf");

        const string Refusal = "« arrete.pdf » est un programme exécutable, pas un document, quel que soit son nom : envoyez le document lui-même, enregistré en PDF, ou photographié en JPEG ou PNG.";
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([Refusal], DossierPages.ErrorSummary(refused));
        Assert.Equal(Refusal, DossierPages.FieldError(refused, Attachment));
        Assert.DoesNotContain("Le message est envoyé au demandeur.", refused.Text);
        var after = await demarche.RequestAsync(reference);
        Assert.Equal(before, after.Timeline.Count);
        Assert.Empty(after.Documents);

        // A path in the name is refused too, with the safe's words.
        var pathed = await agent.UploadAsync($"/Admin/Demarches/Demande/{reference}", Attachment, "../arrete.pdf", SampleFiles.Pdf(), "application/pdf");
        Assert.Equal(
            "Le nom « ../arrete.pdf » contient un chemin (« / », « \\ » ou « .. ») : envoyez le fichier sous un nom simple, par exemple « justificatif.pdf ».",
            DossierPages.FieldError(pathed, Attachment));
        Assert.Equal(before, (await demarche.RequestAsync(reference)).Timeline.Count);
    });

    [Fact]
    public Task Another_communes_agent_and_another_citizen_cannot_download_the_file() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var citizen = await Citizen.ConfirmedAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Rousseau"), citizen.Email)).Line.Reference;
        var file = await JoinAsync(demarche, reference, "Voici l'arrêté.", isInternal: false);
        using var pontoise = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.PontoiseAgent);
        var other = await Citizen.ConfirmedAsync(platform);
        using var otherDownloads = new Downloads(await platform.PortalAsync());
        await otherDownloads.SignInAsync(other.Email, other.Password);

        var byPontoise = await pontoise.DownloadAsync($"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier={file.DocumentId}");
        var byOther = await otherDownloads.GetAsync($"/Demarches/Suivi/{reference}?handler=Fichier&fichier={file.DocumentId}");

        Assert.Equal((HttpStatusCode.Forbidden, "text/html"), (byPontoise.Status, byPontoise.MediaType));
        Assert.Contains("Accès refusé à cette demande.", System.Text.Encoding.UTF8.GetString(byPontoise.Bytes));
        Assert.Equal((HttpStatusCode.Forbidden, "text/html"), (byOther.Status, byOther.MediaType));
        Assert.DoesNotContain("%PDF", System.Text.Encoding.UTF8.GetString(byOther.Bytes));
        using var owner = new Downloads(await platform.PortalAsync());
        await owner.SignInAsync(citizen.Email, citizen.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Demarches/Suivi/{reference}?handler=Fichier&fichier={file.DocumentId}")).Status);
    });

    [Fact]
    public Task A_file_on_an_internal_note_is_not_the_citizens() => platform.RunAsync(output, async () =>
    {
        await using var demarche = await AgentDemarche.ImportAsync(platform);
        var citizen = await Citizen.ConfirmedAsync(platform);
        var reference = (await demarche.FileAsync(demarche.Named("Fontaine"), citizen.Email)).Line.Reference;
        var file = await JoinAsync(demarche, reference, "Plan vérifié sur place.", isInternal: true);
        using var agent = await AgentDesk.SignedInAsync(await platform.PortalAsync(), AgentDemarche.AgentEmail);
        using var downloads = new Downloads(await platform.PortalAsync());
        await downloads.SignInAsync(citizen.Email, citizen.Password);
        using var cloud = new CloudApi(await platform.CloudAsync());
        var session = await cloud.SignInAsync(citizen.Email, citizen.Password);

        var byCitizen = await downloads.GetAsync($"/Demarches/Suivi/{reference}?handler=Fichier&fichier={file.DocumentId}");
        var mine = await demarche.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, session, CloudApi.Deadline);
        var followed = await downloads.GetAsync($"/Demarches/Suivi/{reference}");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (byCitizen.Status, byCitizen.MediaType));
        Assert.DoesNotContain("%PDF", System.Text.Encoding.UTF8.GetString(byCitizen.Bytes));
        Assert.DoesNotContain(mine.Documents, d => d.DocumentId == file.DocumentId);
        Assert.DoesNotContain(mine.Timeline, e => e.Documents.Any(d => d.DocumentId == file.DocumentId));
        Assert.DoesNotContain(file.DocumentId, System.Text.Encoding.UTF8.GetString(followed.Bytes));
        var byAgent = await agent.DownloadAsync($"/Admin/Demarches/Demande/{reference}?handler=Fichier&fichier={file.DocumentId}");
        Assert.Equal((HttpStatusCode.OK, "plan.pdf"), (byAgent.Status, byAgent.FileName));
    });

    /// <summary>A message or a note with a small PDF, posted through the cloud as the Argenteuil agent; the file as recorded.</summary>
    private static async Task<RequestDocument> JoinAsync(AgentDemarche demarche, string reference, string text, bool isInternal)
    {
        var name = isInternal ? "plan.pdf" : "arrete.pdf";
        var posted = await demarche.Desk.PostAgentMessageAsync(new PostAgentMessageRequest
        {
            Reference = reference,
            Message = text,
            Internal = isInternal,
            OperationId = Guid.NewGuid().ToString("N"),
            Attachment = ByteString.CopyFrom(SampleFiles.Pdf(name)),
            AttachmentName = name,
        }, demarche.Agent, CloudApi.Deadline);
        return Assert.Single(posted.Timeline.Single(e => e.Text == text).Documents);
    }
}
