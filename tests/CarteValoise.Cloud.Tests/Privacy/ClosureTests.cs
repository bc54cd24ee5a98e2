using CarteValoise.Cloud.Privacy;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Canteen;
using Grpc.Core;
using Xunit;

namespace CarteValoise.Cloud.Tests.Privacy;

/// <summary>Closing an account: asked once per operation, acknowledged by one mail, cancelled in time, effective after 30 days.</summary>
[Collection(PrivacySiloCollection.Name)]
public sealed class ClosureTests(PrivacySilo silo)
{
    [Fact]
    public async Task A_request_is_pending_for_thirty_days_acknowledged_by_one_mail_and_cancelled()
    {
        var household = await silo.NewHousehold();
        var parent = silo.As(household.Parent);
        var asked = silo.Time.GetUtcNow();

        var pending = await silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "form-1" }, parent);
        var resent = await silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "form-1" }, parent);
        silo.Time.Advance(TimeSpan.FromHours(1));
        var again = await silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "form-2" }, parent);

        Assert.Equal((AccountClosureState.Pending, asked, asked.AddDays(30)), (pending.State, pending.RequestedAt.ToDateTimeOffset(), pending.EffectiveAt.ToDateTimeOffset()));
        Assert.Equal($"Vous avez demandé la clôture de votre compte le {FrenchText.DayAndTime(asked)}. Elle prendra effet le {FrenchText.DayAndTime(asked.AddDays(30))}, sauf si vous l'annulez d'ici là.", pending.Message);
        Assert.Equal(pending, resent);
        Assert.Equal(pending.RequestedAt, again.RequestedAt);
        Assert.Contains("Mouvements du solde, factures et paiements : 10 ans après la fin de l'année de l'opération", pending.KeptAfterClosure);
        var mail = Assert.Single(silo.Mail.To(household.Parent.AccountId));
        Assert.Equal(ClosureMail.Subject, mail.Subject);
        Assert.StartsWith($"Bonjour Claire Martin,\n\nNous avons bien reçu le {FrenchText.DayAndTime(asked)} votre demande de clôture de votre compte CarteValoise ({household.Parent.AccountId}).", mail.TextBody);
        Assert.Contains($"Votre compte sera clôturé le {FrenchText.DayAndTime(asked.AddDays(30))}.", mail.TextBody);
        Assert.Contains("https://portail.exemple.fr/MesDonnees#cloture", mail.TextBody);

        var cancelled = await silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "cancel-1" }, parent);
        var cancelledAgain = await silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "cancel-1" }, parent);
        var nothingLeft = await Assert.ThrowsAsync<RpcException>(() => silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "cancel-2" }, parent));

        Assert.Equal((AccountClosureState.Cancelled, asked.AddHours(1)), (cancelled.State, cancelled.CancelledAt.ToDateTimeOffset()));
        Assert.Equal(cancelled, cancelledAgain);
        Assert.Equal((StatusCode.FailedPrecondition, "Aucune demande de clôture n'est en cours : il n'y a rien à annuler."), (nothingLeft.StatusCode, nothingLeft.Status.Detail));
        Assert.Equal(cancelled, await silo.Service.GetAccountClosure(new GetAccountClosureRequest(), parent));
        Assert.Single(silo.Mail.To(household.Parent.AccountId));
    }

    [Fact]
    public async Task A_new_request_after_a_cancellation_is_acknowledged_again_and_takes_effect_after_thirty_days()
    {
        var household = await silo.NewHousehold();
        var parent = silo.As(household.Parent);
        await silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "a" }, parent);
        await silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "b" }, parent);

        var renewed = await silo.Service.RequestAccountClosure(new RequestAccountClosureRequest { OperationId = "c" }, parent);
        silo.Time.Advance(TimeSpan.FromDays(30));
        var effective = await silo.Service.GetAccountClosure(new GetAccountClosureRequest(), parent);
        var late = await Assert.ThrowsAsync<RpcException>(() => silo.Service.CancelAccountClosure(new CancelAccountClosureRequest { OperationId = "d" }, parent));

        Assert.Equal(AccountClosureState.Pending, renewed.State);
        Assert.Equal(2, silo.Mail.To(household.Parent.AccountId).Count);
        Assert.Equal((AccountClosureState.Effective, renewed.EffectiveAt), (effective.State, effective.EffectiveAt));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.StartsWith("Votre compte est clôturé depuis le ", late.Status.Detail);
    }

    [Fact]
    public async Task Without_a_request_the_account_is_open_and_an_operation_id_is_required()
    {
        var household = await silo.NewHousehold();
        var parent = silo.As(household.Parent);

        var none = await silo.Service.GetAccountClosure(new GetAccountClosureRequest(), parent);
        var missing = await Assert.ThrowsAsync<RpcException>(() => silo.Service.RequestAccountClosure(new RequestAccountClosureRequest(), parent));

        Assert.Equal((AccountClosureState.None, "Aucune demande de clôture n'est en cours : votre compte est ouvert.", null), (none.State, none.Message, none.RequestedAt));
        Assert.Equal((StatusCode.InvalidArgument, "Identifiant d'opération manquant : rechargez la page et recommencez."), (missing.StatusCode, missing.Status.Detail));
        Assert.Equal(AccountClosureState.None, (await silo.Service.GetAccountClosure(new GetAccountClosureRequest(), parent)).State);
    }
}
