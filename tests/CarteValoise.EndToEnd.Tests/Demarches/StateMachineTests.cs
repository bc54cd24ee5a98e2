using CarteValoise.Contracts.Demarches;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// The acte de naissance's workflow at the wire: only the moves its definition allows, from the
/// states it names, to the roles it names; of two decisions at once only one is taken; a command
/// sent twice under one operation id happens once. Each refusal is French and changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StateMachineTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_citizen_forging_an_agents_move_is_refused_and_nothing_changes() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var reference = (await citizen.FileAsync(api)).Line.Reference;
        var agent = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var before = await GetAsync(api, agent, reference);
        var mine = await api.Citizen.GetMyRequestAsync(new GetMyRequestRequest { Reference = reference }, citizen.Session, DemarchesApi.Deadline);
        Assert.Equal(["retirer"], mine.Moves.Select(m => m.MoveId));

        var forged = new Outcomes();
        foreach (var move in new[] { "accepter", "instruire", "refuser", "repondre" })
        {
            await forged.TryAsync(move, async () => await api.Citizen.MoveMyRequestAsync(new MoveMyRequestRequest
            {
                Reference = reference, MoveId = move, Message = "Je m'accorde l'acte.", OperationId = NewOperation(),
            }, citizen.Session, DemarchesApi.Deadline));
        }

        forged.AssertEach(StatusCode.FailedPrecondition,
            "Seul un agent de la commune peut « Accepter ».",
            "Seul un agent de la commune peut « Prendre en charge ».",
            "Seul un agent de la commune peut « Refuser ».",
            "Une demande « Déposée » ne peut pas être « Répondre à la demande de complément ».");
        var after = await GetAsync(api, agent, reference);
        Assert.Equal(("deposee", "Déposée", before.Timeline.Count, "", 0), (after.Line.StateId, after.Line.StateLabel, after.Timeline.Count, after.DecidedBy, after.Generated.Count));
    });

    [Fact]
    public Task An_agents_move_from_a_state_that_does_not_allow_it_is_refused_and_nothing_changes() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var reference = (await citizen.FileAsync(api)).Line.Reference;
        var agent = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var asked = await MoveAsync(api, agent, reference, "demander-complement", "La pièce d'identité est illisible : envoyez-la de nouveau.");
        Assert.Equal(("complement-demande", StateKind.AwaitingCitizen, true), (asked.Line.StateId, asked.Line.StateKind, asked.Line.AwaitsCitizen));
        Assert.Equal(["refuser"], asked.Moves.Select(m => m.MoveId));

        var wrong = new Outcomes();
        foreach (var move in new[] { "accepter", "instruire", "demander-complement", "repondre", "retirer" })
            await wrong.TryAsync(move, () => MoveAsync(api, agent, reference, move, "Motif"));

        wrong.AssertEach(StatusCode.FailedPrecondition,
            "Une demande « Complément demandé » ne peut pas être « Accepter ».",
            "Une demande « Complément demandé » ne peut pas être « Prendre en charge ».",
            "Une demande « Complément demandé » ne peut pas être « Demander un complément ».",
            "Seul le demandeur peut « Répondre à la demande de complément ».",
            "Seul le demandeur peut « Retirer ma demande ».");
        var after = await GetAsync(api, agent, reference);
        Assert.Equal(("complement-demande", asked.Timeline.Count), (after.Line.StateId, after.Timeline.Count));
    });

    [Fact]
    public Task Of_two_decisions_at_once_exactly_one_is_taken_and_the_other_is_told_who_decided() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var reference = (await citizen.FileAsync(api)).Line.Reference;
        var agent = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        // Two sessions of the commune, as two agents at their desks.
        var otherDesk = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        await MoveAsync(api, agent, reference, "instruire");

        var decisions = new Outcomes();
        await Task.WhenAll(
            decisions.TryAsync("accepter", () => MoveAsync(api, agent, reference, "accepter")),
            decisions.TryAsync("refuser", () => MoveAsync(api, otherDesk, reference, "refuser", "L'acte n'est pas dans les registres de Cergy.")));

        var decided = await GetAsync(api, agent, reference);
        var winner = decided.Line.StateId == "acceptee" ? "accepter" : "refuser";
        Assert.Contains(decided.Line.StateId, new[] { "acceptee", "refusee" });
        var loser = winner == "accepter" ? "refuser" : "accepter";
        Assert.False(string.IsNullOrEmpty(decided.DecidedBy));
        Assert.NotNull(decided.Line.DecidedAt);
        var refusal = decisions.Of(loser);
        Assert.Equal((StatusCode.OK, StatusCode.FailedPrecondition), (decisions.Of(winner).Status, refusal.Status));
        Assert.StartsWith($"Cette demande a déjà été traitée par {decided.DecidedBy} le ", refusal.Detail);
        Assert.Single(decided.Timeline, entry => entry.Kind == "etat" && entry.StateLabel is "Acceptée" or "Refusée");
    });

    [Fact]
    public Task A_command_sent_twice_under_one_operation_id_happens_once() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var draft = await citizen.FillAsync(api);
        var submission = new SubmitDraftRequest { DraftId = draft.DraftId, OperationId = NewOperation() };
        var filed = await api.Citizen.SubmitDraftAsync(submission, citizen.Session, DemarchesApi.Deadline);
        var filedAgain = await api.Citizen.SubmitDraftAsync(submission, citizen.Session, DemarchesApi.Deadline);
        Assert.Equal(filed.Line.Reference, filedAgain.Line.Reference);
        Assert.Equal([filed.Line.Reference], (await citizen.MineAsync(api)).Requests.Select(r => r.Reference));
        var reference = filed.Line.Reference;
        var agent = await api.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var taking = NewOperation();
        var taken = await MoveAsync(api, agent, reference, "instruire", operation: taking);
        var takenAgain = await MoveAsync(api, agent, reference, "instruire", operation: taking);
        var message = new PostAgentMessageRequest { Reference = reference, Message = "Nous cherchons votre acte dans les registres.", OperationId = NewOperation() };
        await Task.WhenAll(
            api.Desk.PostAgentMessageAsync(message, agent, DemarchesApi.Deadline).ResponseAsync,
            api.Desk.PostAgentMessageAsync(message, agent, DemarchesApi.Deadline).ResponseAsync);
        var assignment = new AssignRequestRequest { Reference = reference, OperationId = NewOperation() };
        await api.Desk.AssignRequestAsync(assignment, agent, DemarchesApi.Deadline);
        await api.Desk.AssignRequestAsync(assignment, agent, DemarchesApi.Deadline);
        var answer = new PostMyMessageRequest { Reference = reference, Message = "Merci.", OperationId = NewOperation() };
        await api.Citizen.PostMyMessageAsync(answer, citizen.Session, DemarchesApi.Deadline);
        await api.Citizen.PostMyMessageAsync(answer, citizen.Session, DemarchesApi.Deadline);

        Assert.Equal(("en-instruction", taken.Timeline.Count), (takenAgain.Line.StateId, takenAgain.Timeline.Count));
        var after = await GetAsync(api, agent, reference);
        Assert.Equal(["depot", "etat", "message-agent", "attribution", "message-citoyen"], after.Timeline.Select(e => e.Kind));
        Assert.Equal("Nous cherchons votre acte dans les registres.", after.Timeline[2].Text);
    });

    [Fact]
    public Task A_submission_that_skips_required_pages_is_refused_naming_them_and_files_nothing() => platform.RunAsync(output, async () =>
    {
        using var api = new DemarchesApi(await platform.CloudAsync());
        var citizen = await DemarcheCitizen.NewAsync(platform, api);
        var draft = await citizen.FillAsync(api, pages: 1);
        Assert.Equal("personne", draft.NextPageId);

        var refused = await DemarchesApi.RefusedAsync(() => api.Citizen.SubmitDraftAsync(
            new SubmitDraftRequest { DraftId = draft.DraftId, OperationId = NewOperation() }, citizen.Session, DemarchesApi.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var problems = DemarchesApi.ProblemFields(refused).Zip(refused.Status.Detail.Split('\n')).ToList();
        Assert.Contains(("page:parents", "La page « Les parents de la personne » n'a pas été remplie."), problems);
        Assert.Contains(("page:remise", "La page « Remise de l'acte » n'a pas été remplie."), problems);
        Assert.Contains(("parent1", "Indiquez « Premier parent : nom de naissance et prénoms »."), problems);
        Assert.Contains(("remise", "Choisissez « Comment souhaitez-vous recevoir l'acte ? »."), problems);
        var mine = await citizen.MineAsync(api);
        Assert.Empty(mine.Requests);
        Assert.Equal([(draft.DraftId, 1)], mine.Drafts.Select(d => (d.DraftId, d.CompletedPages)));
    });

    private static string NewOperation() => Guid.NewGuid().ToString("N");

    private static async Task<RequestDetail> GetAsync(DemarchesApi api, Metadata agent, string reference) =>
        await api.Desk.GetRequestAsync(new GetRequestRequest { Reference = reference }, agent, DemarchesApi.Deadline);

    private static async Task<RequestDetail> MoveAsync(DemarchesApi api, Metadata agent, string reference, string move, string reason = "", string? operation = null) =>
        await api.Desk.MoveRequestAsync(new MoveRequestRequest { Reference = reference, MoveId = move, Reason = reason, OperationId = operation ?? NewOperation() },
            agent, DemarchesApi.Deadline);
}
