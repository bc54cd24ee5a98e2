using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Net.Client;
using PersonalDataService = CarteValoise.Contracts.PersonalData.PersonalData;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A démarche of a test's own in Argenteuil, imported as a definition file through the cloud (its id
/// and its requesters' names carry a tag no other test uses, so that the queue's and the figures'
/// counts are exactly the test's), and the cloud's démarche services under the Argenteuil agent's
/// session, to file requests and check the pages against the truth. Disposing it stops offering the
/// démarche, so that no citizen's catalogue keeps it.
/// </summary>
public sealed class AgentDemarche : IAsyncDisposable
{
    public const string Commune = "95018";
    public const string CommuneName = "Argenteuil";
    public const string AgentEmail = "agent.argenteuil@demo.cartevaloise.fr";
    public const string AgentName = "Agent d'Argenteuil";

    /// <summary>An agent of another commune.</summary>
    public const string PontoiseAgent = "agent.pontoise@demo.cartevaloise.fr";

    private readonly GrpcChannel channel;

    private AgentDemarche(GrpcChannel channel, Metadata agent, string tag, DefinitionFile saved)
    {
        (this.channel, Agent, Tag, Saved) = (channel, agent, tag, saved);
    }

    public Metadata Agent { get; }

    /// <summary>Eight letters: no search takes them for a number.</summary>
    public string Tag { get; }

    public string Id => AgentDefinitions.IdOf(Tag);

    public string Title => AgentDefinitions.TitleOf(Tag);

    /// <summary>The first version, as the cloud saved it.</summary>
    public DefinitionFile Saved { get; }

    public DemarcheDesk.DemarcheDeskClient Desk => new(channel);

    public DemarcheCatalogue.DemarcheCatalogueClient Catalogue => new(channel);

    public Contracts.Demarches.Demarches.DemarchesClient Citizen => new(channel);

    public PersonalDataService.PersonalDataClient PersonalData => new(channel);

    public static async Task<AgentDemarche> ImportAsync(PlatformFixture platform)
    {
        var tag = new string([.. Guid.NewGuid().ToByteArray()[..8].Select(b => (char)('a' + b % 26))]);
        var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        try
        {
            using var cloud = new CloudApi(await platform.CloudAsync());
            var agent = await cloud.SignInAsync(AgentEmail, Demo.AgentPassword);
            var saved = await new DemarcheCatalogue.DemarcheCatalogueClient(channel).SaveDefinitionAsync(
                new SaveDefinitionRequest { CommuneInseeCode = Commune, Json = AgentDefinitions.Valid(tag) }, agent, CloudApi.Deadline);
            Assert.Equal((1, true), (saved.Version, saved.Summary.Enabled));
            return new AgentDemarche(channel, agent, tag, saved);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
    }

    /// <summary>«Durand abcdefgh»: a requester's name only this test uses.</summary>
    public string Named(string familyName) => $"{familyName} {Tag}";

    /// <summary>A request entered at the counter through the cloud, the document seen on paper.</summary>
    public async Task<RequestDetail> FileAsync(string citizenName, string citizenEmail = "", string subject = "Location de la salle des fêtes")
    {
        var request = new FileAtCounterRequest
        {
            CommuneInseeCode = Commune,
            DemarcheId = Id,
            CitizenName = citizenName,
            CitizenEmail = citizenEmail,
            OperationId = Guid.NewGuid().ToString("N"),
        };
        request.Answers.Add(new Dictionary<string, string> { ["objet"] = subject, ["justificatif"] = "vu-au-guichet" });
        return await Desk.FileAtCounterAsync(request, Agent, CloudApi.Deadline);
    }

    public async Task<RequestDetail> RequestAsync(string reference) =>
        await Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, Agent, CloudApi.Deadline);

    public async Task<RequestDetail> MoveAsync(string reference, string moveId, string reason = "") =>
        await Desk.MoveRequestAsync(new MoveRequestRequest { Reference = reference, MoveId = moveId, Reason = reason, OperationId = Guid.NewGuid().ToString("N") }, Agent, CloudApi.Deadline);

    public async Task<DefinitionFile> DefinitionAsync() =>
        await Catalogue.GetDefinitionAsync(new GetDefinitionRequest { CommuneInseeCode = Commune, DemarcheId = Id }, Agent, CloudApi.Deadline);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Catalogue.SetDemarcheEnabledAsync(new SetDemarcheEnabledRequest { CommuneInseeCode = Commune, DemarcheId = Id, Enabled = false }, Agent, CloudApi.Deadline);
        }
        finally
        {
            channel.Dispose();
        }
    }
}
