using CarteValoise.Domain.Privacy;

namespace CarteValoise.Domain.Tests.Privacy;

public sealed class AccountClosureRulesTests
{
    // Friday 4 December 2026, 15:42 in Paris (UTC+1).
    private static readonly DateTimeOffset Asked = new(2026, 12, 4, 14, 42, 0, TimeSpan.Zero);

    [Fact]
    public void A_closure_takes_effect_thirty_days_after_the_request()
    {
        var closure = AccountClosureRules.Request(null, Asked).Closure!;

        Assert.Equal(new DateTimeOffset(2027, 1, 3, 14, 42, 0, TimeSpan.Zero), closure.EffectiveAt);
        Assert.Equal(AccountClosureStatus.Pending, closure.StatusAt(Asked.AddDays(30).AddTicks(-1)));
        Assert.Equal(AccountClosureStatus.Effective, closure.StatusAt(Asked.AddDays(30)));
        Assert.Equal(
            "Vous avez demandé la clôture de votre compte le vendredi 4 décembre 2026 à 15:42. Elle prendra effet le dimanche 3 janvier 2027 à 15:42, sauf si vous l'annulez d'ici là.",
            AccountClosureRules.Describe(closure, Asked.AddDays(1)));
    }

    [Fact]
    public void Asking_again_while_pending_keeps_the_first_request_and_its_date()
    {
        var first = AccountClosureRules.Request(null, Asked).Closure;

        var again = AccountClosureRules.Request(first, Asked.AddDays(10));

        Assert.True(again.Allowed);
        Assert.Same(first, again.Closure);
    }

    [Fact]
    public void A_pending_request_is_cancelled_and_a_new_one_starts_thirty_days_again()
    {
        var first = AccountClosureRules.Request(null, Asked).Closure;

        var cancelled = AccountClosureRules.Cancel(first, Asked.AddDays(29));
        var renewed = AccountClosureRules.Request(cancelled.Closure, Asked.AddDays(40));

        Assert.Equal((true, AccountClosureStatus.Cancelled), (cancelled.Allowed, cancelled.Closure!.StatusAt(Asked.AddDays(100))));
        Assert.Equal(
            "Vous avez annulé le samedi 2 janvier 2027 à 15:42 votre demande de clôture du vendredi 4 décembre 2026 à 15:42 : votre compte reste ouvert.",
            AccountClosureRules.Describe(cancelled.Closure, Asked.AddDays(29)));
        Assert.Equal(Asked.AddDays(70), renewed.Closure!.EffectiveAt);
        Assert.Equal(AccountClosureStatus.Pending, renewed.Closure.StatusAt(Asked.AddDays(41)));
    }

    [Fact]
    public void Cancelling_with_nothing_pending_is_refused_in_French_and_changes_nothing()
    {
        var none = AccountClosureRules.Cancel(null, Asked);
        var cancelled = AccountClosureRules.Cancel(AccountClosureRules.Request(null, Asked).Closure, Asked.AddHours(1)).Closure;
        var twice = AccountClosureRules.Cancel(cancelled, Asked.AddHours(2));

        Assert.Equal((null, "Aucune demande de clôture n'est en cours : il n'y a rien à annuler."), (none.Closure, none.Refusal));
        Assert.Equal((cancelled, "Aucune demande de clôture n'est en cours : il n'y a rien à annuler."), (twice.Closure, twice.Refusal));
    }

    [Fact]
    public void A_closure_that_took_effect_can_no_longer_be_cancelled()
    {
        var closure = AccountClosureRules.Request(null, Asked).Closure;

        var late = AccountClosureRules.Cancel(closure, Asked.AddDays(31));

        Assert.Equal((closure, "Votre compte est clôturé depuis le dimanche 3 janvier 2027 à 15:42 : la demande ne peut plus être annulée."), (late.Closure, late.Refusal));
        Assert.Same(closure, AccountClosureRules.Request(closure, Asked.AddDays(31)).Closure);
        Assert.Equal("Votre compte est clôturé depuis le dimanche 3 janvier 2027 à 15:42.", AccountClosureRules.Describe(closure, Asked.AddDays(31)));
    }

    [Fact]
    public void Without_a_request_the_account_is_open()
    {
        Assert.Equal(AccountClosureStatus.None, AccountClosureRules.StatusAt(null, Asked));
        Assert.Equal("Aucune demande de clôture n'est en cours : votre compte est ouvert.", AccountClosureRules.Describe(null, Asked));
    }

    [Fact]
    public void The_rule_says_thirty_days_what_is_erased_and_that_invoices_stay_ten_years()
    {
        Assert.Equal(
            "La clôture de votre compte prend effet 30 jours après votre demande, sauf si vous l'annulez d'ici là. "
            + "Elle efface alors ce qui n'existe que pour votre compte (mot de passe chiffré, double authentification, liaison FranceConnect\u00A0; "
            + "sessions de connexion, avec leur appareil et leur adresse IP\u00A0; pièces justificatives de votre coffre-fort). "
            + "Les factures et les paiements restent conservés 10 ans, comme la comptabilité publique l'exige, "
            + "et le dossier famille reste à la commune tant que vos enfants sont inscrits à ses services.",
            AccountClosureRules.Rule);
    }
}
