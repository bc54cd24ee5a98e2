using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Grains.Tests.Demarches;

/// <summary>
/// The platform's own moves when a deadline passes. The cluster's clock is shared with other tests,
/// so the sweeps are asked at an explicit time (the request's deadline, or a year ahead) instead.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeadlineTests(ClusterFixture fixture)
{
    private const string Dupont = "Agent Dupont";
    private const string Reason = "Classer sans suite : Délai de 30 jours écoulé (Complément demandé)";

    [Fact]
    public async Task A_complement_left_unanswered_is_classed_by_the_platform_at_its_deadline_once()
    {
        var desk = new DemarcheDesk(fixture);
        var asked = await AskComplement(desk);

        var moved = await desk.Queue.ApplyDeadlines(asked.DueAt!.Value);

        Assert.Equal([asked.Reference], moved);
        var classed = (await desk.Request(asked.Reference).Get())!;
        Assert.Equal(("classee", (DateTimeOffset?)null, "CarteValoise", "Délai de 30 jours écoulé (Complément demandé)", 3),
            (classed.StateId, classed.DueAt, classed.DecidedBy, classed.DecisionReason, classed.Revision));
        var entry = classed.Timeline[^1];
        Assert.Equal((3, TimelineKind.Moved, Actor.System, "CarteValoise", Reason, MoveNotice.Email, "classer", "classee", $"delai:complement-demande:{asked.StateSince:O}"),
            (entry.Sequence, entry.Kind, entry.Actor, entry.ActorName, entry.Text, entry.Notice, entry.MoveId, entry.StateId, entry.OperationId));
        var line = Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines);
        Assert.Equal(("classee", "Classée sans suite", StateKind.Closed, classed.DecidedAt, 3),
            (line.StateId, line.StateLabel, line.StateKind, line.DecidedAt, line.Revision));

        Assert.Empty(await desk.Queue.ApplyDeadlines(desk.Now.AddYears(1)));
        Assert.False(await desk.Request(asked.Reference).ApplyDeadline(desk.Now.AddYears(1)));
        DemarcheDesk.Same(classed, await desk.Request(asked.Reference).Get());
    }

    [Fact]
    public async Task A_complement_still_within_its_deadline_is_not_moved()
    {
        var desk = new DemarcheDesk(fixture);
        var asked = await AskComplement(desk);

        var moved = await desk.Queue.ApplyDeadlines(asked.DueAt!.Value.AddSeconds(-1));

        Assert.Empty(moved);
        Assert.False(await desk.Request(asked.Reference).ApplyDeadline(asked.DueAt!.Value.AddSeconds(-1)));
        DemarcheDesk.Same(asked, await desk.Request(asked.Reference).Get());
        Assert.Equal("complement-demande", Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines).StateId);
    }

    [Fact]
    public async Task An_overdue_request_in_a_state_without_a_move_for_the_platform_waits_for_an_agent()
    {
        var desk = new DemarcheDesk(fixture);
        var filed = await desk.Submit("Claire Martin");
        var taken = await desk.Move(filed, "instruire", Actor.Agent, Dupont);
        var farAhead = desk.Now.AddYears(1);

        var moved = await desk.Queue.ApplyDeadlines(farAhead);

        Assert.Empty(moved);
        DemarcheDesk.Same(taken, await desk.Request(taken.Reference).Get());
        var line = Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines);
        Assert.Equal(("en-instruction", StateKind.Open), (line.StateId, line.StateKind));
        Assert.True(line.DueAt < farAhead);

        // Once the state changes, the same request is looked at again.
        await desk.Move(taken, "demander-complement", Actor.Agent, Dupont, "Joignez une pièce d'identité.");
        Assert.Equal([taken.Reference], await desk.Queue.ApplyDeadlines(farAhead));
        Assert.Equal("classee", (await desk.Request(taken.Reference).Get())!.StateId);
    }

    [Fact]
    public async Task Neither_an_agent_nor_the_citizen_may_make_the_platforms_move()
    {
        var desk = new DemarcheDesk(fixture);
        var asked = await AskComplement(desk);

        var byAgent = await Assert.ThrowsAsync<DemarcheRefusedException>(() => desk.Move(asked, "classer", Actor.Agent, Dupont));
        var byCitizen = await Assert.ThrowsAsync<DemarcheRefusedException>(() => desk.Move(asked, "classer", Actor.Citizen, "Claire Martin"));

        Assert.Equal("Seule la plateforme peut « Classer sans suite ».", byAgent.Message);
        Assert.Equal("Seule la plateforme peut « Classer sans suite ».", byCitizen.Message);
        DemarcheDesk.Same(asked, await desk.Request(asked.Reference).Get());
    }

    private static async Task<RequestView> AskComplement(DemarcheDesk desk)
    {
        var asked = await desk.Move(await desk.Submit("Claire Martin"), "demander-complement", Actor.Agent, Dupont, "Joignez une pièce d'identité.");
        Assert.Equal(("complement-demande", asked.StateSince.AddDays(30)), (asked.StateId, asked.DueAt));
        return asked;
    }
}
