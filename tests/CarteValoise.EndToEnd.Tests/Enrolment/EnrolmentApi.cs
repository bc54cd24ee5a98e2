using CarteValoise.Contracts.Enrolment;
using CarteValoise.EndToEnd.Tests.Grpc;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using EnrolmentService = CarteValoise.Contracts.Enrolment.Enrolment;

namespace CarteValoise.EndToEnd.Tests.Enrolment;

/// <summary>
/// The cloud's enrolment service over h2c on loopback, as the agents' pages call it: the families
/// file streamed in chunks, and every status the cloud streams back kept in order.
/// </summary>
public sealed class EnrolmentApi(Uri cloud) : IDisposable
{
    /// <summary>The Argenteuil demo agent enrols; Argenteuil's demo families are not the ones the tap tests count.</summary>
    public const string Commune = "95018";
    public const string Agent = "agent.argenteuil@demo.cartevaloise.fr";
    public const string OtherCommuneAgent = "agent.pontoise@demo.cartevaloise.fr";
    public const string School = "95018-E1";
    public const string SchoolName = "École élémentaire Jean-Jaurès";
    public const string SecondSchool = "95018-E2";
    /// <summary>A card the demo gave to the first child of Argenteuil's family 1.</summary>
    public const string DemoChildCard = "04950181001100";

    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);

    public CloudApi Cloud { get; } = new(cloud);

    public EnrolmentService.EnrolmentClient Enrolment => new(channel);

    public Task<Metadata> SignInAsync(string email = Agent) => Cloud.SignInAsync(email, Platform.Demo.AgentPassword);

    /// <summary>Streams a file as the portal does (the commune and the size in the first chunk) and returns every status, the preview last.</summary>
    public async Task<IReadOnlyList<ImportStatus>> PreviewAsync(Metadata agent, byte[] file, string commune = Commune, int chunkSize = 4096)
    {
        using var call = Enrolment.PreviewFamilyImport(agent, CloudApi.Deadline);
        var chunks = file.Chunk(chunkSize).ToList();
        for (var i = 0; i < Math.Max(1, chunks.Count); i++)
        {
            var chunk = new ImportChunk { Data = ByteString.CopyFrom(i < chunks.Count ? chunks[i] : []) };
            if (i == 0)
            {
                chunk.CommuneInseeCode = commune;
                chunk.TotalBytes = file.Length;
                chunk.FileName = "familles.csv";
            }
            await call.RequestStream.WriteAsync(chunk);
        }
        await call.RequestStream.CompleteAsync();
        return await ReadAllAsync(call.ResponseStream);
    }

    public async Task<IReadOnlyList<ImportStatus>> ApplyAsync(Metadata agent, string importId, DateTime? deadline = null)
    {
        using var call = Enrolment.ApplyFamilyImport(new ApplyFamilyImportRequest { ImportId = importId }, agent, deadline ?? CloudApi.Deadline);
        return await ReadAllAsync(call.ResponseStream);
    }

    /// <summary>The families of the commune whose name, id or children hold <paramref name="search"/>.</summary>
    public async Task<FamilyList> SearchAsync(Metadata agent, string search) =>
        await Enrolment.ListFamiliesAsync(new ListFamiliesRequest { CommuneInseeCode = Commune, Search = search, Limit = 100 }, agent, deadline: CloudApi.Deadline);

    private static async Task<IReadOnlyList<ImportStatus>> ReadAllAsync(IAsyncStreamReader<ImportStatus> responses)
    {
        var statuses = new List<ImportStatus>();
        while (await responses.MoveNext(CancellationToken.None)) statuses.Add(responses.Current);
        return statuses;
    }

    public void Dispose()
    {
        Cloud.Dispose();
        channel.Dispose();
    }
}
