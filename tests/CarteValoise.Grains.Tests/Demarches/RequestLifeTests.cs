using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Grains.Tests.Demarches;

[Collection(ClusterCollection.Name)]
public sealed class RequestLifeTests(ClusterFixture fixture)
{
    private const string Dupont = "Agent Dupont";
    private const string Martin = "Agent Martin";

    [Fact]
    public async Task A_submission_starts_in_the_initial_state_and_is_listed_in_the_queue_and_the_citizens_list()
    {
        var desk = new DemarcheDesk(fixture);
        var at = desk.Now;

        var request = await desk.Submit("Claire Martin");

        Assert.Equal($"DEM-{desk.Commune}-{at.Year}-000001", request.Reference);
        Assert.Equal(("deposee", at, at.AddDays(5), 1, 0), (request.StateId, request.StateSince, request.DueAt, request.Revision, request.NoticedThrough));
        var entry = Assert.Single(request.Timeline);
        Assert.Equal((1, TimelineKind.Submitted, Actor.Citizen, "Claire Martin", "Demande déposée en ligne", MoveNotice.Email, "deposee", false),
            (entry.Sequence, entry.Kind, entry.Actor, entry.ActorName, entry.Text, entry.Notice, entry.StateId, entry.Internal));
        var line = Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines);
        Assert.Equal((request.Reference, 1, DemarcheDesk.ActeNaissance, "Demande d'acte de naissance", "Déposée", StateKind.Open, RequestChannel.Online, "Claire Martin", 1),
            (line.Reference, line.Number, line.DemarcheId, line.Title, line.StateLabel, line.StateKind, line.Channel, line.CitizenName, line.Revision));
        var listed = Assert.Single(await desk.Citizen(request.Submission.CitizenAccountId).Requests());
        Assert.Equal(new CitizenRequestLine(request.Reference, desk.Commune, DemarcheDesk.ActeNaissance, "Demande d'acte de naissance", at), listed);
        DemarcheDesk.Same(request, await desk.Request(request.Reference).Get());
        Assert.Null(await desk.Request($"DEM-{desk.Commune}-{at.Year}-000099").Get());
    }

    [Fact]
    public async Task The_same_submission_sent_twice_is_one_request_and_another_under_its_reference_is_refused()
    {
        var desk = new DemarcheDesk(fixture);
        var first = await desk.Submit("Claire Martin", submissionKey: "envoi-1");

        var again = await desk.Submit("Claire Martin", submissionKey: "envoi-1");

        DemarcheDesk.Same(first, again);
        Assert.Equal(1, (await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Total);
        Assert.Single(await desk.Citizen(first.Submission.CitizenAccountId).Requests());
        var forged = await desk.Submission(first.Reference, "envoi-2", "Paul Durand", desk.Account("Paul Durand"), DemarcheDesk.ActeNaissance, RequestChannel.Online, desk.Now);
        var refused = await Assert.ThrowsAsync<DemarcheRefusedException>(() => desk.Request(first.Reference).Submit(forged));
        Assert.Equal($"La référence {first.Reference} est déjà celle d'une autre demande.", refused.Message);
        DemarcheDesk.Same(first, await desk.Request(first.Reference).Get());
        Assert.Empty(await desk.Citizen(desk.Account("Paul Durand")).Requests());
    }

    [Fact]
    public async Task A_request_brought_at_the_counter_is_entered_by_the_agent()
    {
        var desk = new DemarcheDesk(fixture);

        var request = await desk.Submit("Jeanne Roux", accountId: "", channel: RequestChannel.Counter, agentName: Dupont);

        var entry = Assert.Single(request.Timeline);
        Assert.Equal((Actor.Agent, Dupont, "Demande enregistrée au guichet par Agent Dupont"), (entry.Actor, entry.ActorName, entry.Text));
        Assert.Equal(RequestChannel.Counter, Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines).Channel);
        var kiosk = await desk.Submit("Jeanne Roux", channel: RequestChannel.Kiosk);
        Assert.Equal("Demande déposée à la borne", Assert.Single(kiosk.Timeline).Text);
    }

    [Fact]
    public async Task An_acte_de_naissance_goes_from_a_complement_asked_and_answered_to_its_acceptance()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");
        var identity = new SubmittedDocument("doc-1", request.Reference, desk.Commune, request.Submission.CitizenAccountId, "piece-identite",
            "Pièce d'identité", "cni.pdf", "application/pdf", 1024, null, desk.Now);

        var taken = await desk.Move(request, "instruire", Actor.Agent, Dupont);
        var asked = await desk.Move(taken, "demander-complement", Actor.Agent, Dupont, "  Joignez une pièce\n d'identité lisible. ");
        Assert.Equal(("complement-demande", asked.StateSince.AddDays(30)), (asked.StateId, asked.DueAt));
        var answered = await desk.Request(request.Reference).Move(new RequestMoveCommand("op-reponse", "repondre", Actor.Citizen,
            request.Submission.CitizenAccountId, "Claire Martin", "", [identity]));
        Assert.Equal(("en-instruction", answered.StateSince.AddDays(10)), (answered.StateId, answered.DueAt));
        var accepted = await desk.Move(answered, "accepter", Actor.Agent, Martin);

        Assert.Equal(("acceptee", (DateTimeOffset?)null, accepted.StateSince, Martin, ""),
            (accepted.StateId, accepted.DueAt, accepted.DecidedAt!.Value, accepted.DecidedBy, accepted.DecisionReason));
        Assert.Equal(
        [
            (1, TimelineKind.Submitted, Actor.Citizen, "Claire Martin", "Demande déposée en ligne", MoveNotice.Email, (string?)null, "deposee"),
            (2, TimelineKind.Moved, Actor.Agent, Dupont, "Prendre en charge", MoveNotice.Message, "instruire", "en-instruction"),
            (3, TimelineKind.Moved, Actor.Agent, Dupont, "Demander un complément : Joignez une pièce\nd'identité lisible.", MoveNotice.Email, "demander-complement", "complement-demande"),
            (4, TimelineKind.Moved, Actor.Citizen, "Claire Martin", "Répondre à la demande de complément", MoveNotice.Message, "repondre", "en-instruction"),
            (5, TimelineKind.Moved, Actor.Agent, Martin, "Accepter", MoveNotice.Email, "accepter", "acceptee"),
        ], accepted.Timeline.Select(e => (e.Sequence, e.Kind, e.Actor, e.ActorName, e.Text, e.Notice, e.MoveId, e.StateId)));
        Assert.Equal([identity], accepted.Timeline[3].Documents);
        Assert.Equal(5, accepted.Revision);
        var line = Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines);
        Assert.Equal(("acceptee", "Acceptée", StateKind.Accepted, accepted.DecidedAt, 5), (line.StateId, line.StateLabel, line.StateKind, line.DecidedAt, line.Revision));
    }

    [Fact]
    public async Task A_forged_move_is_refused_in_french_and_changes_nothing()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");

        await Refused("Seul un agent de la commune peut « Accepter ».", () => desk.Move(request, "accepter", Actor.Citizen, "Claire Martin"));
        await Refused("Le mouvement « valider » n'existe pas pour cette démarche.", () => desk.Move(request, "valider", Actor.Agent, Dupont));
        await Refused("Une demande « Déposée » ne peut pas être « Répondre à la demande de complément ».",
            () => desk.Move(request, "repondre", Actor.Citizen, "Claire Martin"));
        await Refused("Indiquez le motif.", () => desk.Move(request, "refuser", Actor.Agent, Dupont, " \n "));
        await Refused("Cette demande n'est pas la vôtre.", () => desk.Move(request, "retirer", Actor.Citizen, "Paul Durand", accountId: desk.Account("Paul Durand")));

        DemarcheDesk.Same(request, await desk.Request(request.Reference).Get());
        Assert.Equal(1, Assert.Single((await desk.Queue.Query(DemarcheDesk.All(), desk.Now)).Lines).Revision);

        static async Task Refused(string message, Func<Task> move) =>
            Assert.Equal(message, (await Assert.ThrowsAsync<DemarcheRefusedException>(move)).Message);
    }

    [Fact]
    public async Task Of_two_agents_deciding_at_once_one_decides_and_the_other_is_told_who_did()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Move(await desk.Submit("Claire Martin"), "instruire", Actor.Agent, Dupont);

        var outcomes = await Task.WhenAll(
            Attempt(() => desk.Move(request, "accepter", Actor.Agent, Dupont)),
            Attempt(() => desk.Move(request, "refuser", Actor.Agent, Martin, "Acte introuvable dans nos registres.")));

        var decided = Assert.Single(outcomes, o => o.View is not null).View!;
        var refused = Assert.Single(outcomes, o => o.Error is not null).Error!;
        Assert.Equal($"Cette demande a déjà été traitée par {decided.DecidedBy} le {FrenchText.DayAndTime(decided.DecidedAt!.Value)}.", refused.Message);
        DemarcheDesk.Same(decided, await desk.Request(request.Reference).Get());
        Assert.Equal(3, decided.Timeline.Count);
        Assert.Equal(decided.DecidedBy == Dupont ? ("acceptee", "") : ("refusee", "Acte introuvable dans nos registres."), (decided.StateId, decided.DecisionReason));

        static async Task<(RequestView? View, DemarcheRefusedException? Error)> Attempt(Func<Task<RequestView>> move)
        {
            try
            {
                return (await move(), null);
            }
            catch (DemarcheRefusedException e)
            {
                return (null, e);
            }
        }
    }

    [Fact]
    public async Task A_command_sent_twice_is_applied_once()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");

        var taken = await desk.Move(request, "instruire", Actor.Agent, Dupont, operation: "op-1");
        var takenAgain = await desk.Move(request, "instruire", Actor.Agent, Dupont, operation: "op-1");
        var posted = await desk.Post(taken, Actor.Agent, Dupont, "Nous traitons votre demande.", operation: "op-2");
        var postedAgain = await desk.Post(taken, Actor.Agent, Dupont, "Nous traitons votre demande.", operation: "op-2");
        var refusedOnce = await desk.Move(request, "refuser", Actor.Agent, Dupont, "Acte introuvable.", operation: "op-3");
        var refusedAgain = await desk.Move(request, "refuser", Actor.Agent, Dupont, "Acte introuvable.", operation: "op-3");

        DemarcheDesk.Same(taken, takenAgain);
        DemarcheDesk.Same(posted, postedAgain);
        DemarcheDesk.Same(refusedOnce, refusedAgain);
        Assert.Equal(4, refusedAgain.Revision);
        Assert.Equal(["Demande déposée en ligne", "Prendre en charge", "Nous traitons votre demande.", "Refuser : Acte introuvable."],
            refusedAgain.Timeline.Select(e => e.Text));
    }

    [Fact]
    public async Task Messages_go_both_ways_and_an_internal_note_is_marked_internal_in_the_timeline()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");

        await desk.Post(request, Actor.Citizen, "Claire Martin", "  Je joins le livret de famille.\r\nMerci. ");
        await desk.Post(request, Actor.Agent, Dupont, "Bien reçu.");
        var noted = await desk.Post(request, Actor.Agent, Dupont, "Vérifier au registre de 1987.", note: true);

        Assert.Equal(
        [
            (TimelineKind.CitizenMessage, "Je joins le livret de famille.\nMerci.", MoveNotice.None, false),
            (TimelineKind.AgentMessage, "Bien reçu.", MoveNotice.Email, false),
            (TimelineKind.InternalNote, "Vérifier au registre de 1987.", MoveNotice.None, true),
        ], noted.Timeline.Skip(1).Select(e => (e.Kind, e.Text, e.Notice, e.Internal)));
    }

    [Fact]
    public async Task A_message_without_text_a_note_of_a_citizen_or_a_message_on_a_closed_request_is_refused()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");

        await Refused("Écrivez votre message.", () => desk.Post(request, Actor.Citizen, "Claire Martin", " \n "));
        await Refused("Seul un agent peut écrire une note interne.", () => desk.Post(request, Actor.Citizen, "Claire Martin", "Note", note: true));
        await Refused("Votre message dépasse 5 000 caractères : raccourcissez-le.", () => desk.Post(request, Actor.Citizen, "Claire Martin", new string('a', 5001)));
        DemarcheDesk.Same(request, await desk.Request(request.Reference).Get());

        var refused = await desk.Move(request, "refuser", Actor.Agent, Dupont, "Acte introuvable.");
        await Refused($"Cette demande est close : elle a été traitée par Agent Dupont le {FrenchText.DayAndTime(refused.DecidedAt!.Value)}. Pour toute question, contactez votre mairie.",
            () => desk.Post(request, Actor.Citizen, "Claire Martin", "Pourquoi ?"));
        var answered = await desk.Post(request, Actor.Agent, Dupont, "L'acte est conservé par le service central d'état civil.");
        Assert.Equal((TimelineKind.AgentMessage, 3), (answered.Timeline[^1].Kind, answered.Revision));

        static async Task Refused(string message, Func<Task> post) =>
            Assert.Equal(message, (await Assert.ThrowsAsync<DemarcheRefusedException>(post)).Message);
    }

    [Fact]
    public async Task Assigning_says_to_whom_and_assigning_to_the_same_agent_changes_nothing()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");
        var grain = desk.Request(request.Reference);

        var assigned = await grain.Assign("op-1", DemarcheDesk.Agent(Martin), Martin, Dupont);
        var same = await grain.Assign("op-2", DemarcheDesk.Agent(Martin), Martin, Dupont);
        var released = await grain.Assign("op-3", "", "", Martin);

        DemarcheDesk.Same(assigned, same);
        Assert.Equal(("", "", 3), (released.AssignedAgentId, released.AssignedAgentName, released.Revision));
        Assert.Equal([(Dupont, "Attribuée à Agent Martin"), (Martin, "Remise dans la file")],
            released.Timeline.Where(e => e.Kind == TimelineKind.Assigned).Select(e => (e.ActorName, e.Text)));
        Assert.Equal((DemarcheDesk.Agent(Martin), Martin), (assigned.AssignedAgentId, assigned.AssignedAgentName));
    }

    [Fact]
    public async Task A_generated_document_is_recorded_once_and_noticing_never_goes_back()
    {
        var desk = new DemarcheDesk(fixture);
        var request = await desk.Submit("Claire Martin");
        var file = new GeneratedFileRecord("file-1", "courrier-reponse", "Courrier de réponse", "courrier.pdf", desk.Now, Dupont, "op-gen");

        await desk.Request(request.Reference).AddGenerated(file);
        var again = await desk.Request(request.Reference).AddGenerated(file);
        await desk.Request(request.Reference).MarkNoticed(2);
        await desk.Request(request.Reference).MarkNoticed(1);

        Assert.Equal([file], again.Generated);
        var entry = again.Timeline[^1];
        Assert.Equal((2, TimelineKind.DocumentGenerated, "Document disponible : Courrier de réponse", "file-1", MoveNotice.Email),
            (entry.Sequence, entry.Kind, entry.Text, entry.FileId, entry.Notice));
        var noticed = (await desk.Request(request.Reference).Get())!;
        Assert.Equal((2, 3), (noticed.NoticedThrough, noticed.Revision));
    }
}
