using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Grains.Tests.Demarches;

/// <summary>
/// A commune of one test (a code no other test uses, so its queue holds only this test's requests),
/// its catalogue, its queue, and the citizens and agents who file and process its requests.
/// </summary>
public sealed class DemarcheDesk(ClusterFixture fixture)
{
    private static int _communes;

    public const string ActeNaissance = "acte-naissance";

    /// <summary>«9B001», «9B002»…: shaped like an INSEE code, and of no real commune nor of another test.</summary>
    public string Commune { get; } = $"9B{Interlocked.Increment(ref _communes):D3}";

    public ICommuneDemarchesGrain Catalogue => fixture.Grains.GetGrain<ICommuneDemarchesGrain>(Commune);

    public IRequestQueueGrain Queue => fixture.Grains.GetGrain<IRequestQueueGrain>(Commune);

    public IDemarcheRequestGrain Request(string reference) => fixture.Grains.GetGrain<IDemarcheRequestGrain>(reference);

    public ICitizenDemarchesGrain Citizen(string accountId) => fixture.Grains.GetGrain<ICitizenDemarchesGrain>(accountId);

    public DateTimeOffset Now => fixture.Time.GetUtcNow();

    public async Task<DemarcheDefinition> Definition(string demarcheId = ActeNaissance, int? version = null) =>
        DefinitionFile.Parse((await Catalogue.Get(demarcheId, version))!.Json);

    /// <summary>A request filed under the démarche's current version; <paramref name="submittedAt"/> defaults to now.</summary>
    public async Task<RequestView> Submit(string citizenName = "Claire Martin", string? accountId = null, string demarcheId = ActeNaissance,
        RequestChannel channel = RequestChannel.Online, DateTimeOffset? submittedAt = null, string? submissionKey = null, string agentName = "")
    {
        var at = submittedAt ?? Now;
        var key = submissionKey ?? Guid.NewGuid().ToString("N");
        var reference = await Queue.Allocate(key, ServiceDay.Of(at).Year);
        return await Request(reference).Submit(await Submission(reference, key, citizenName, accountId ?? Account(citizenName), demarcheId, channel, at, agentName));
    }

    public async Task<RequestSubmission> Submission(string reference, string key, string citizenName, string accountId, string demarcheId,
        RequestChannel channel, DateTimeOffset at, string agentName = "")
    {
        var current = (await Catalogue.Get(demarcheId, null))!;
        var definition = DefinitionFile.Parse(current.Json);
        return new RequestSubmission(reference, key, Commune, demarcheId, current.Version, definition.Title, accountId, citizenName,
            $"{accountId}@exemple.fr", channel, agentName, new Dictionary<string, string> { ["nom"] = citizenName }, [], at);
    }

    /// <summary>The account id of a citizen of this test.</summary>
    public string Account(string citizenName) => $"{Commune}-{citizenName.Replace(' ', '-').ToLowerInvariant()}";

    public Task<RequestView> Move(RequestView request, string moveId, Actor actor, string actorName, string reason = "", string? operation = null,
        string? accountId = null) =>
        Request(request.Reference).Move(new RequestMoveCommand(operation ?? Guid.NewGuid().ToString("N"), moveId, actor,
            accountId ?? (actor == Actor.Citizen ? request.Submission.CitizenAccountId : Agent(actorName)), actorName, reason, []));

    public Task<RequestView> Post(RequestView request, Actor actor, string actorName, string text, bool note = false, string? operation = null) =>
        Request(request.Reference).Post(new RequestMessageCommand(operation ?? Guid.NewGuid().ToString("N"), actor,
            actor == Actor.Citizen ? request.Submission.CitizenAccountId : Agent(actorName), actorName, text, note, []));

    public static string Agent(string name) => $"{name.Replace(' ', '.').ToLowerInvariant()}@mairie.fr";

    /// <summary>Views equal field by field, their lists and answers included (records compare those by reference).</summary>
    public static void Same(RequestView expected, RequestView? actual) =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(actual));

    public static QueueFilter All(int skip = 0, int take = 50) => new(null, null, null, null, null, false, null, false, skip, take);
}
