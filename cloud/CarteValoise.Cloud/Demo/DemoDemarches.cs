using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using static CarteValoise.Cloud.Demo.DemoDepartement;

namespace CarteValoise.Cloud.Demo;

/// <summary>
/// A handful of requests in the first demo commune (Cergy), so that the agents' queue, a request's
/// timeline and the statistics are not empty in the demo: an acte de naissance of the demo parent
/// awaiting a complement, another accepted with its answer letter generated, and one entered at the
/// counter for someone without an account. Every step carries a fixed operation id, so a restart
/// changes nothing; nothing is mailed (the citizen is taken as told).
/// </summary>
public static class DemoDemarches
{
    private const string Demarche = "acte-naissance";

    public static async Task SeedAsync(IGrainFactory grains, TimeProvider time)
    {
        var commune = Communes[0];
        if (await grains.GetGrain<ICommuneDemarchesGrain>(commune.InseeCode).Get(Demarche, null) is not { } version) return;
        var parent = ParentLogin(commune);
        var parentName = $"Claire {FamilyNames[0]}";
        var agentId = AgentLogin(commune);
        var agent = AgentName(commune);

        var complement = await File(grains, time, version, 1, parent, parentName, parent, RequestChannel.Online, "", new Dictionary<string, string>
        {
            ["type-acte"] = "extrait-sans-filiation",
            ["pour-qui"] = "moi-meme",
            ["nom"] = FamilyNames[0],
            ["prenoms"] = "Claire",
            ["date-naissance"] = "1985-03-12",
            ["remise"] = "guichet",
        });
        await Move(grains, complement, "demo-demarche-1-instruire", "instruire", agentId, agent, "");
        await Move(grains, complement, "demo-demarche-1-complement", "demander-complement", agentId, agent,
            "Aucun acte ne figure à cette date dans nos registres : vérifiez la date de naissance, ou précisez si la naissance a eu lieu dans une autre commune.");

        var accepted = await File(grains, time, version, 2, parent, parentName, parent, RequestChannel.Online, "", new Dictionary<string, string>
        {
            ["type-acte"] = "extrait-sans-filiation",
            ["pour-qui"] = "mon-enfant",
            ["nom"] = FamilyNames[0],
            ["prenoms"] = "Lucas",
            ["date-naissance"] = "2016-05-04",
            ["remise"] = "courrier",
            ["adresse-voie"] = Address(1),
            ["adresse-code-postal"] = commune.PostalCode,
            ["adresse-ville"] = commune.Name,
        });
        await grains.GetGrain<IDemarcheRequestGrain>(accepted).Assign("demo-demarche-2-attribution", agentId, agent, agent);
        await Move(grains, accepted, "demo-demarche-2-accepter", "accepter", agentId, agent, "");
        var definition = DefinitionFile.Parse(version.Json);
        if (definition.Templates.FirstOrDefault() is { } template)
            await grains.GetGrain<IDemarcheRequestGrain>(accepted).AddGenerated(new GeneratedFileRecord(
                "doc-demo-2", template.Id, template.Title, $"{accepted}-{template.Id}.pdf", time.GetUtcNow(), agent, "demo-demarche-2-document"));

        var counter = await File(grains, time, version, 3, "", "Jean Dupuis", "", RequestChannel.Counter, agent, new Dictionary<string, string>
        {
            ["type-acte"] = "extrait-sans-filiation",
            ["pour-qui"] = "moi-meme",
            ["nom"] = "Dupuis",
            ["prenoms"] = "Jean Michel",
            ["date-naissance"] = "1962-11-23",
            ["remise"] = "guichet",
        });
        foreach (var reference in new[] { complement, accepted, counter }) await Told(grains.GetGrain<IDemarcheRequestGrain>(reference));
    }

    private static async Task<string> File(IGrainFactory grains, TimeProvider time, DefinitionVersion version, int number, string accountId, string name,
        string email, RequestChannel channel, string enteredBy, Dictionary<string, string> answers)
    {
        var commune = Communes[0].InseeCode;
        var key = $"demo:{commune}:{number}";
        var reference = await grains.GetGrain<IRequestQueueGrain>(commune).Allocate(key, ServiceDay.Today(time).Year);
        var request = grains.GetGrain<IDemarcheRequestGrain>(reference);
        var view = await request.Submit(new RequestSubmission(reference, key, commune, version.DemarcheId, version.Version,
            DefinitionFile.Parse(version.Json).Title, accountId, name, email, channel, enteredBy, answers, [], time.GetUtcNow()));
        return view.Reference;
    }

    private static async Task Move(IGrainFactory grains, string reference, string operationId, string moveId, string agentId, string agent, string reason)
    {
        var request = grains.GetGrain<IDemarcheRequestGrain>(reference);
        var view = await request.Get();
        // Done already (a restart), or moved on by a demo user: left as it is.
        if (view is null || view.Timeline.Any(e => e.OperationId == operationId) || view.DecidedAt is not null) return;
        try
        {
            await request.Move(new RequestMoveCommand(operationId, moveId, Actor.Agent, agentId, agent, reason, []));
        }
        catch (DemarcheRefusedException)
        {
            return;
        }
    }

    private static async Task Told(IDemarcheRequestGrain request)
    {
        if (await request.Get() is { } view && view.Timeline.Count > 0) await request.MarkNoticed(view.Timeline.Max(e => e.Sequence));
    }
}
