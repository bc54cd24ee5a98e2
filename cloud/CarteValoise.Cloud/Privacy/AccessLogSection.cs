using System.Text.Json.Nodes;
using CarteValoise.Domain.Access;

namespace CarteValoise.Cloud.Privacy;

/// <summary>«journal-des-acces»: every read of the household's and the account's data by an agent, and every refused attempt.</summary>
public sealed class AccessLogSection(AccessLogReader reader) : IDescribedPersonalDataSection
{
    public string Name => "journal-des-acces";

    public string Title => "Journal des accès à vos données";

    public string Description =>
        "Chaque consultation de vos données par un agent, la plus récente d'abord : quand, qui (l'agent et sa commune), "
        + "quoi, pourquoi (le motif donné ou la demande concernée), et les tentatives refusées.";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var lines = await reader.ReadAsync(citizen);
        var entries = new JsonArray();
        foreach (var line in lines)
            entries.Add(new JsonObject
            {
                ["le"] = ArchiveJson.Instant(line.At),
                ["agent"] = line.AgentName,
                ["communes"] = new JsonArray([.. line.Communes.Select(c => JsonValue.Create(c))]),
                ["quoi"] = line.What,
                ["pourquoi"] = line.Why,
                ["autorisé"] = line.Allowed,
                ["journal"] = line.Log,
            });
        return new PersonalDataPart(new JsonObject { ["accès"] = entries }, []);
    }
}
