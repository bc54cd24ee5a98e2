using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.Documents;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// Agents of commune A never see commune B's requests, whatever service they ask: a citizen files an
/// acte de naissance in Cergy, and Pontoise's agent is refused every call about it or about Cergy's
/// démarches, finds it by no search of their own queue, and changes nothing by trying; Cergy's agent,
/// asking the same, gets it (so the refusals are the commune's, not a broken service).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommuneIsolationTests(PlatformFixture platform, ITestOutputHelper output)
{
    public const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";
    public const string RequestDenied = "Accès refusé à cette demande.";
    public const string CommuneDenied = "Accès refusé aux démarches de cette commune.";

    [Fact]
    public Task Another_communes_agent_is_refused_every_call_about_a_request_or_its_commune_and_changes_nothing() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var filed = await citizen.FileAsync(api);
        var reference = filed.Line.Reference;
        var cergy = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var pontoise = await api.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var before = await api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, cergy, DemarchesApi.Deadline);
        var definitionBefore = await api.Catalogue.GetDefinitionAsync(
            new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, cergy, DemarchesApi.Deadline);
        var counterName = "Bruno Vaucel" + Guid.NewGuid().ToString("N")[..6];

        var aboutTheRequest = new Outcomes();
        await aboutTheRequest.TryAsync("DemarcheDesk.GetRequest", async () =>
            await api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, pontoise, DemarchesApi.Deadline));
        await aboutTheRequest.TryAsync("DemarcheDesk.AssignRequest", async () =>
            await api.Desk.AssignRequestAsync(new AssignRequestRequest { Reference = reference, OperationId = NewOperation() }, pontoise, DemarchesApi.Deadline));
        foreach (var (move, reason) in new[] { ("instruire", ""), ("demander-complement", "Pièce illisible"), ("accepter", ""), ("refuser", "Hors commune") })
        {
            await aboutTheRequest.TryAsync($"DemarcheDesk.MoveRequest {move}", async () => await api.Desk.MoveRequestAsync(
                new MoveRequestRequest { Reference = reference, MoveId = move, Reason = reason, OperationId = NewOperation() }, pontoise, DemarchesApi.Deadline));
        }
        foreach (var @internal in new[] { false, true })
        {
            await aboutTheRequest.TryAsync($"DemarcheDesk.PostAgentMessage internal={@internal}", async () => await api.Desk.PostAgentMessageAsync(
                new PostAgentMessageRequest { Reference = reference, Message = "Bonjour", Internal = @internal, OperationId = NewOperation() }, pontoise, DemarchesApi.Deadline));
        }
        await aboutTheRequest.TryAsync("DemarcheDesk.GenerateDocument", async () => await api.Desk.GenerateDocumentAsync(
            new GenerateDocumentRequest { Reference = reference, TemplateId = "courrier-reponse", OperationId = NewOperation() }, pontoise, DemarchesApi.Deadline));
        await aboutTheRequest.TryAsync("Demarches.DownloadRequestFile", async () => await api.Citizen.DownloadRequestFileAsync(
            new DownloadRequestFileRequest { Reference = reference, FileId = "accuse-reception" }, pontoise, DemarchesApi.Deadline));
        aboutTheRequest.AssertAll(StatusCode.PermissionDenied, RequestDenied);

        var aboutTheCommune = new Outcomes();
        await aboutTheCommune.TryAsync("DemarcheDesk.ListRequests", async () =>
            await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheDesk.ListRequests by reference", async () =>
            await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy, Search = reference }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheDesk.ExportRequests", async () =>
            await api.Desk.ExportRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheDesk.GetStatistics", async () =>
            await api.Desk.GetStatisticsAsync(new GetStatisticsRequest { CommuneInseeCode = Demo.Cergy }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheDesk.FileAtCounter", async () =>
            await api.Desk.FileAtCounterAsync(await CounterFilingAsync(api, citizen, counterName), pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheCatalogue.ListDefinitions", async () =>
            await api.Catalogue.ListDefinitionsAsync(new ListDefinitionsRequest { CommuneInseeCode = Demo.Cergy }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheCatalogue.GetDefinition", async () => await api.Catalogue.GetDefinitionAsync(
            new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheCatalogue.SaveDefinition", async () => await api.Catalogue.SaveDefinitionAsync(
            new SaveDefinitionRequest { CommuneInseeCode = Demo.Cergy, Json = definitionBefore.Json.Replace("\"title\": \"", "\"title\": \"Pontoise écrit : ", StringComparison.Ordinal) },
            pontoise, DemarchesApi.Deadline));
        await aboutTheCommune.TryAsync("DemarcheCatalogue.SetDemarcheEnabled", async () => await api.Catalogue.SetDemarcheEnabledAsync(
            new SetDemarcheEnabledRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance, Enabled = false }, pontoise, DemarchesApi.Deadline));
        aboutTheCommune.AssertAll(StatusCode.PermissionDenied, CommuneDenied);

        // The frozen pièce d'identité: the safe answers «not found» to whoever may not read it, as it does for a piece that does not exist.
        var piece = Assert.Single(filed.Documents);
        Assert.Equal(("piece-identite", "carte-identite.pdf"), (piece.TypeCode, piece.FileName));
        var pieceRefused = await DemarchesApi.RefusedAsync(() => SubmittedAsync(api, reference, piece.DocumentId, pontoise));
        Assert.Equal(StatusCode.NotFound, pieceRefused.StatusCode);
        Assert.Equal(SampleFiles.Pdf("Carte nationale d'identite"), await SubmittedAsync(api, reference, piece.DocumentId, cergy));

        // Nothing changed: the request, Cergy's definition and its being offered.
        var after = await api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, cergy, DemarchesApi.Deadline);
        Assert.Equal((before.Line.StateId, before.Line.AssignedAgentId, before.Timeline.Count, before.Generated.Count),
            (after.Line.StateId, after.Line.AssignedAgentId, after.Timeline.Count, after.Generated.Count));
        var definitionAfter = await api.Catalogue.GetDefinitionAsync(
            new GetDefinitionRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = DemarcheCitizen.ActeDeNaissance }, cergy, DemarchesApi.Deadline);
        Assert.Equal((definitionBefore.Version, definitionBefore.Json, true), (definitionAfter.Version, definitionAfter.Json, definitionAfter.Summary.Enabled));
        var cergyQueue = await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy, Search = counterName }, cergy, DemarchesApi.Deadline);
        Assert.Empty(cergyQueue.Lines);
    });

    [Fact]
    public Task Another_communes_agent_finds_nothing_by_reference_or_name_in_their_own_queue_export_and_statistics() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var cergy = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var pontoise = await api.SignInAsync(PontoiseAgent, Demo.AgentPassword);
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var cergyBefore = await ReceivedAsync(api, cergy, Demo.Cergy);
        var pontoiseBefore = await ReceivedAsync(api, pontoise, Demo.Pontoise);

        var reference = (await citizen.FileAsync(api)).Line.Reference;

        Assert.Matches(@"^DEM-95127-\d{4}-\d{6}$", reference);
        foreach (var search in new[] { reference, citizen.Account.FamilyName, citizen.Name })
        {
            var own = await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy, Search = search }, cergy, DemarchesApi.Deadline);
            Assert.Equal([(reference, citizen.Name)], own.Lines.Select(l => (l.Reference, l.CitizenName)));

            var other = await api.Desk.ListRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Pontoise, Search = search }, pontoise, DemarchesApi.Deadline);
            Assert.Equal((0, 0), (other.Lines.Count, other.Total));
        }

        var cergyExport = await api.Desk.ExportRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Cergy, Search = reference }, cergy, DemarchesApi.Deadline);
        Assert.Contains(reference, cergyExport.Content.ToStringUtf8());
        var pontoiseExport = (await api.Desk.ExportRequestsAsync(new ListRequestsRequest { CommuneInseeCode = Demo.Pontoise }, pontoise, DemarchesApi.Deadline)).Content.ToStringUtf8();
        Assert.DoesNotContain(reference, pontoiseExport);
        Assert.DoesNotContain(citizen.Account.FamilyName, pontoiseExport);

        Assert.Equal((cergyBefore + 1, pontoiseBefore), (await ReceivedAsync(api, cergy, Demo.Cergy), await ReceivedAsync(api, pontoise, Demo.Pontoise)));
    });

    /// <summary>The actes de naissance a commune received, as its statistics count them.</summary>
    private static async Task<int> ReceivedAsync(DemarchesApi api, Metadata agent, string commune)
    {
        var report = await api.Desk.GetStatisticsAsync(new GetStatisticsRequest { CommuneInseeCode = commune }, agent, DemarchesApi.Deadline);
        return report.Demarches.SingleOrDefault(d => d.DemarcheId == DemarcheCitizen.ActeDeNaissance)?.Received ?? 0;
    }

    private static string NewOperation() => Guid.NewGuid().ToString("N");

    /// <summary>The whole acte de naissance as an agent enters it from paper: every page answered, the identity document seen at the counter.</summary>
    internal static async Task<FileAtCounterRequest> CounterFilingAsync(DemarchesApi api, DemarcheCitizen citizen, string citizenName)
    {
        var form = await citizen.FormAsync(api);
        // Someone else's paper: nothing of the signed-in citizen's household.
        form.Answers.Clear();
        var filing = new FileAtCounterRequest
        {
            CommuneInseeCode = Demo.Cergy,
            DemarcheId = DemarcheCitizen.ActeDeNaissance,
            CitizenName = citizenName,
            OperationId = NewOperation(),
        };
        var seenAtCounter = form.Definition.Pages.SelectMany(p => p.Fields).Where(f => f.Kind == FieldKind.Document)
            .ToDictionary(f => f.FieldId, _ => "vu-au-guichet");
        foreach (var page in form.Definition.Pages)
            foreach (var (key, value) in FormAnswers.For(form, page, citizenName, $"{Guid.NewGuid():N}@exemple.fr", seenAtCounter))
                filing.Answers[key] = value;
        return filing;
    }

    private static async Task<byte[]> SubmittedAsync(DemarchesApi api, string reference, string documentId, Metadata caller)
    {
        using var call = api.Documents.DownloadSubmittedDocument(
            new DownloadSubmittedDocumentRequest { RequestRef = reference, DocumentId = documentId, Reason = "Vérification de l'identité" }, caller, DemarchesApi.Deadline);
        using var content = new MemoryStream();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            if (call.ResponseStream.Current.PartCase == DocumentChunk.PartOneofCase.Content) call.ResponseStream.Current.Content.WriteTo(content);
        return content.ToArray();
    }
}
