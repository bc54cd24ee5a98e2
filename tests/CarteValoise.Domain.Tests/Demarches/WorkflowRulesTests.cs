using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class WorkflowRulesTests
{
    private static readonly Workflow Workflow = SampleDemarche.Definition().Workflow;

    [Fact]
    public void Each_role_sees_the_moves_it_may_make_from_a_state()
    {
        Assert.Equal(["demander-complement", "accepter", "refuser"], WorkflowRules.MovesFor(Workflow, "deposee", Actor.Agent).Select(move => move.Id));
        Assert.Equal(["retirer"], WorkflowRules.MovesFor(Workflow, "deposee", Actor.Citizen).Select(move => move.Id));
        Assert.Equal(["completer", "retirer"], WorkflowRules.MovesFor(Workflow, "complement", Actor.Citizen).Select(move => move.Id));
        Assert.Equal(["classer"], WorkflowRules.MovesFor(Workflow, "complement", Actor.System).Select(move => move.Id));
        Assert.Empty(WorkflowRules.MovesFor(Workflow, "acceptee", Actor.Agent));
    }

    [Fact]
    public void An_allowed_move_is_not_refused()
    {
        Assert.Null(WorkflowRules.Refusal(Workflow, "deposee", "accepter", Actor.Agent, null));
        Assert.Null(WorkflowRules.Refusal(Workflow, "complement", "refuser", Actor.Agent, "Pièce illisible."));
        Assert.Null(WorkflowRules.Refusal(Workflow, "complement", "completer", Actor.Citizen, null));
    }

    [Fact]
    public void A_forged_move_is_refused_with_why()
    {
        Assert.Equal("Le mouvement « valider » n'existe pas pour cette démarche.", WorkflowRules.Refusal(Workflow, "deposee", "valider", Actor.Agent, null));
        Assert.Equal("Une demande « En attente d'un complément » ne peut pas être « Accepter ».",
            WorkflowRules.Refusal(Workflow, "complement", "accepter", Actor.Agent, null));
        Assert.Equal("Une demande « Acceptée » ne peut pas être « Refuser ».", WorkflowRules.Refusal(Workflow, "acceptee", "refuser", Actor.Agent, "Trop tard."));
        Assert.Equal("Seul un agent de la commune peut « Accepter ».", WorkflowRules.Refusal(Workflow, "deposee", "accepter", Actor.Citizen, null));
        Assert.Equal("Seul le demandeur peut « Retirer ».", WorkflowRules.Refusal(Workflow, "deposee", "retirer", Actor.Agent, null));
        Assert.Equal("Seule la plateforme peut « Classer sans suite ».", WorkflowRules.Refusal(Workflow, "complement", "classer", Actor.Agent, null));
        var shared = Workflow with { Moves = [.. Workflow.Moves.Select(move => move.Id == "retirer" ? move with { Actors = [Actor.Citizen, Actor.Agent] } : move)] };
        Assert.Equal("Seuls le demandeur et un agent de la commune peuvent « Retirer ».", WorkflowRules.Refusal(shared, "deposee", "retirer", Actor.System, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_move_that_needs_a_reason_is_refused_without_one(string? reason) =>
        Assert.Equal("Indiquez le motif.", WorkflowRules.Refusal(Workflow, "deposee", "refuser", Actor.Agent, reason));

    [Fact]
    public void A_state_with_a_deadline_is_due_that_many_calendar_days_later()
    {
        var since = new DateTimeOffset(2026, 3, 27, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 4, 6, 9, 30, 0, TimeSpan.FromHours(1)), WorkflowRules.DueAt(Workflow.State("deposee")!, since));
        Assert.Null(WorkflowRules.DueAt(Workflow.State("acceptee")!, since));
    }
}
