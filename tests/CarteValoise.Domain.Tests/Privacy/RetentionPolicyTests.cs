using CarteValoise.Domain.Privacy;

namespace CarteValoise.Domain.Tests.Privacy;

public sealed class RetentionPolicyTests
{
    [Fact]
    public void Every_kind_of_data_has_one_period_and_a_ground_in_French()
    {
        Assert.Equal(
            ["compte", "authentification", "sessions", "dossier-famille", "inscriptions-cartes", "reservations", "passages",
                "factures-paiements", "pieces-justificatives", "copies-demandes", "demandes", "journal-des-acces", "demande-de-cloture"],
            RetentionPolicy.Periods.Select(p => p.Kind));
        Assert.All(RetentionPolicy.Periods, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Data));
            Assert.False(string.IsNullOrWhiteSpace(p.Period));
            Assert.False(string.IsNullOrWhiteSpace(p.LegalBasis));
        });
    }

    [Fact]
    public void Invoices_and_payments_stay_ten_years_even_after_closure()
    {
        Assert.Equal(
            new RetentionPeriod("factures-paiements", "Mouvements du solde, factures et paiements", "10 ans après la fin de l'année de l'opération",
                "Comptabilité publique : conservation des pièces comptables (10 ans)", KeptAfterClosure: true),
            RetentionPolicy.Of("factures-paiements"));
        Assert.Contains("Mouvements du solde, factures et paiements : 10 ans après la fin de l'année de l'opération", RetentionPolicy.KeptAfterClosure);
    }

    [Fact]
    public void The_account_is_kept_a_year_after_its_closure_and_the_safe_until_the_citizen_deletes_it()
    {
        Assert.Equal(("jusqu'à la clôture du compte, puis 1 an", true), (RetentionPolicy.Of("compte").Period, RetentionPolicy.Of("compte").KeptAfterClosure));
        Assert.Equal(("jusqu'à ce que vous les supprimiez, et au plus tard jusqu'à la clôture du compte", false),
            (RetentionPolicy.Of("pieces-justificatives").Period, RetentionPolicy.Of("pieces-justificatives").KeptAfterClosure));
        Assert.Equal("aussi longtemps que la demande à laquelle elles sont jointes", RetentionPolicy.Of("copies-demandes").Period);
        Assert.Equal("6 ans après chaque accès", RetentionPolicy.Of("journal-des-acces").Period);
    }

    [Fact]
    public void What_closure_erases_is_exactly_what_is_not_kept_after_it()
    {
        Assert.Equal(
            ["Mot de passe chiffré, double authentification, liaison FranceConnect", "Sessions de connexion, avec leur appareil et leur adresse IP", "Pièces justificatives de votre coffre-fort"],
            RetentionPolicy.ErasedAtClosure);
        Assert.Equal(RetentionPolicy.Periods.Count, RetentionPolicy.ErasedAtClosure.Count + RetentionPolicy.KeptAfterClosure.Count);
    }

    [Fact]
    public void An_unknown_kind_is_a_mistake_said_in_French()
    {
        var error = Assert.Throws<ArgumentException>(() => RetentionPolicy.Of("photos"));
        Assert.StartsWith("Aucune durée de conservation n'est fixée pour « photos ».", error.Message);
    }
}
