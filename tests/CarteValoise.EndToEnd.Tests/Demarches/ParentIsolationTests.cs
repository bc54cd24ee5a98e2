using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.Documents;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// A parent is a citizen, never an agent: the agents' desk and catalogue refuse them, even about
/// their own request; and a citizen reads and moves only their own requests: another's is refused
/// as if it did not exist, and nothing of it changes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParentIsolationTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_parent_is_refused_the_agents_desk_and_catalogue_even_about_their_own_request() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var filed = await citizen.FileAsync(api);
        var reference = filed.Line.Reference;
        var demoParent = await api.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var cergy = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var definition = await api.Catalogue.GetDefinitionAsync(
            new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, cergy, DemarchesApi.Deadline);

        var refused = new Outcomes();
        foreach (var (who, parent) in new[] { ("the citizen", citizen.Session), ("the demo parent", demoParent) })
        {
            await refused.TryAsync($"{who}: DemarcheDesk.ListRequests", async () =>
                await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.ExportRequests", async () =>
                await api.Desk.ExportRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.GetRequest", async () =>
                await api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.AssignRequest", async () =>
                await api.Desk.AssignRequestAsync(new AssignRequestRequest { Reference = reference, OperationId = NewOperation() }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.MoveRequest accepter", async () => await api.Desk.MoveRequestAsync(
                new MoveRequestRequest { Reference = reference, MoveId = "accepter", OperationId = NewOperation() }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.PostAgentMessage", async () => await api.Desk.PostAgentMessageAsync(
                new PostAgentMessageRequest { Reference = reference, Message = "Note", Internal = true, OperationId = NewOperation() }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.GenerateDocument", async () => await api.Desk.GenerateDocumentAsync(
                new GenerateDocumentRequest { Reference = reference, TemplateId = "courrier-reponse", OperationId = NewOperation() }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.FileAtCounter", async () => await api.Desk.FileAtCounterAsync(
                await CommuneIsolationTests.CounterFilingAsync(api, citizen, "Bruno Vaucel" + Guid.NewGuid().ToString("N")[..6]), parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheDesk.GetStatistics", async () =>
                await api.Desk.GetStatisticsAsync(new GetStatisticsRequest { CommuneInseeCode = Demo.Cergy }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheCatalogue.ListDefinitions", async () =>
                await api.Catalogue.ListDefinitionsAsync(new ListDefinitionsRequest { CommuneInseeCode = Demo.Cergy }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheCatalogue.GetDefinition", async () => await api.Catalogue.GetDefinitionAsync(
                new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheCatalogue.SaveDefinition", async () => await api.Catalogue.SaveDefinitionAsync(
                new SaveDefinitionRequest { CommuneInseeCode = Demo.Cergy, Json = definition.Json.Replace("\"title\": \"", "\"title\": \"Modifiée : ", StringComparison.Ordinal) }, parent, DemarchesApi.Deadline));
            await refused.TryAsync($"{who}: DemarcheCatalogue.SetDemarcheEnabled", async () => await api.Catalogue.SetDemarcheEnabledAsync(
                new SetDemarcheEnabledRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance, Enabled = false }, parent, DemarchesApi.Deadline));
        }
        refused.AssertAll(StatusCode.PermissionDenied);

        var after = await api.Catalogue.GetDefinitionAsync(
            new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, cergy, DemarchesApi.Deadline);
        Assert.Equal((definition.Version, true), (after.Version, after.Summary.Enabled));
        var mine = await api.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, citizen.Session, DemarchesApi.Deadline);
        Assert.Equal((filed.Line.StateId, filed.Timeline.Count, ""), (mine.Line.StateId, mine.Timeline.Count, mine.Line.AssignedAgentId));
    });

    [Fact]
    public Task A_citizen_cannot_read_move_write_to_or_download_another_citizens_request() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var owner = await DemarcheCitizen.NewAsync(platform, api);
        var filed = await owner.FileAsync(api);
        var reference = filed.Line.Reference;
        var stranger = await DemarcheCitizen.NewAsync(platform, api);

        var refused = new Outcomes();
        await refused.TryAsync("Demarches.GetMyRequest", async () =>
            await api.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, stranger.Session, DemarchesApi.Deadline));
        foreach (var move in new[] { "retirer", "repondre" })
        {
            await refused.TryAsync($"Demarches.MoveMyRequest {move}", async () => await api.Citizen.MoveMyRequestAsync(
                new MoveMyRequestRequest { Reference = reference, MoveId = move, Message = "Je retire", OperationId = NewOperation() }, stranger.Session, DemarchesApi.Deadline));
        }
        await refused.TryAsync("Demarches.PostMyMessage", async () => await api.Citizen.PostMyMessageAsync(new PostMyMessageRequest
        {
            Reference = reference, Message = "Bonjour", DocumentIds = { stranger.Identity.DocumentId }, OperationId = NewOperation(),
        }, stranger.Session, DemarchesApi.Deadline));
        await refused.TryAsync("Demarches.DownloadRequestFile", async () => await api.Citizen.DownloadRequestFileAsync(
            new DownloadRequestFileRequest { Reference = reference, FileId = "accuse-reception" }, stranger.Session, DemarchesApi.Deadline));
        refused.AssertAll(StatusCode.PermissionDenied, CommuneIsolationTests.RequestDenied);

        var piece = Assert.Single(filed.Documents);
        var pieceRefused = await DemarchesApi.RefusedAsync(async () =>
        {
            using var call = api.Documents.DownloadSubmittedDocument(
                new DownloadSubmittedDocumentRequest { RequestRef = reference, DocumentId = piece.DocumentId }, stranger.Session, DemarchesApi.Deadline);
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        Assert.Equal(StatusCode.NotFound, pieceRefused.StatusCode);
        Assert.Empty((await stranger.MineAsync(api)).Requests);

        // The owner still has it as filed, and their acknowledgement.
        var mine = await api.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, owner.Session, DemarchesApi.Deadline);
        Assert.Equal((filed.Line.StateId, filed.Timeline.Count), (mine.Line.StateId, mine.Timeline.Count));
        var acknowledgement = await api.Citizen.DownloadRequestFileAsync(
            new DownloadRequestFileRequest { Reference = reference, FileId = "accuse-reception" }, owner.Session, DemarchesApi.Deadline);
        Assert.Equal("application/pdf", acknowledgement.ContentType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(acknowledgement.Content.Span));
    });

    private static string NewOperation() => Guid.NewGuid().ToString("N");
}
