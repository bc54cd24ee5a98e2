using CarteValoise.Domain.Payments;

namespace CarteValoise.Domain.Tests.Payments;

public sealed class PayFiPFieldsTests
{
    [Theory]
    [InlineData("ABC123")]
    [InlineData("95018202611000001")]
    [InlineData("A23456789012345678901234567890")]
    public void A_refdet_of_6_to_30_letters_and_digits_is_accepted(string refdet) => Assert.Null(PayFiPFields.RefdetProblem(refdet));

    [Theory]
    [InlineData("AB123")]
    [InlineData("A234567890123456789012345678901")]
    [InlineData("95018-2026-11-000001")]
    [InlineData("FACTURE 12")]
    [InlineData("FACTURÉ123")]
    [InlineData("")]
    public void A_refdet_too_short_too_long_or_not_alphanumeric_is_refused_in_French(string refdet) =>
        Assert.Equal($"La référence de paiement « {refdet} » doit compter de 6 à 30 lettres ou chiffres, sans espace ni tiret.", PayFiPFields.RefdetProblem(refdet));

    [Theory]
    [InlineData("Facture n° 95018-2026-11-000001 — cantine & périscolaire, décembre", "Facture n 95018 2026 11 000001 cantine periscolaire decembre")]
    [InlineData("L'accueil du soir d'Inès", "L accueil du soir d Ines")]
    [InlineData("   ", "")]
    public void An_objet_keeps_letters_digits_and_single_spaces_without_accents(string text, string objet) =>
        Assert.Equal(objet, PayFiPFields.Objet(text));

    [Fact]
    public void An_objet_is_cut_at_100_characters()
    {
        var objet = PayFiPFields.Objet(string.Concat(Enumerable.Repeat("Rechargement ", 20)));

        Assert.Equal(100, objet.Length);
        Assert.StartsWith("Rechargement Rechargement", objet);
        Assert.False(objet.EndsWith(' '));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(99, false)]
    [InlineData(0, false)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void An_amount_goes_from_1_euro_to_100_000_euros(long cents, bool accepted) =>
        Assert.Equal(accepted, PayFiPFields.MontantProblem(cents) is null);

    [Fact]
    public void An_amount_refused_says_the_bounds_in_euros() =>
        Assert.Equal("Le montant d'un paiement en ligne doit être compris entre 1,00 € et 100 000,00 € (0,50 € demandé).", PayFiPFields.MontantProblem(50));

    [Theory]
    [InlineData("a@b.fr", true)]
    [InlineData("a@b.f", false)]
    [InlineData("parent.exemple.fr", false)]
    [InlineData("un parent@exemple.fr", false)]
    public void A_mel_has_6_to_80_characters_with_an_at_sign(string mel, bool accepted) => Assert.Equal(accepted, PayFiPFields.MelProblem(mel) is null);

    [Fact]
    public void A_mel_longer_than_80_characters_is_refused() => Assert.NotNull(PayFiPFields.MelProblem(new string('a', 75) + "@b.fr" + "x"));

    [Theory]
    [InlineData("012345", true)]
    [InlineData("12345", false)]
    [InlineData("12345A", false)]
    public void A_numcli_is_six_digits(string numcli, bool accepted) => Assert.Equal(accepted, PayFiPFields.NumcliProblem(numcli) is null);

    [Fact]
    public void Every_problem_of_a_payment_is_listed_at_once()
    {
        var problems = PayFiPFields.Problems(new PayFiPPaymentFields("12", "26", "R1", "Objet", 10, "moi", PayFiPMode.Test));

        Assert.Equal(5, problems.Count);
        Assert.Empty(PayFiPFields.Problems(new PayFiPPaymentFields("012345", "2026", "RECH95127F001", "Rechargement", 2000, "parent@exemple.fr", PayFiPMode.Production)));
    }

    [Theory]
    [InlineData("T", PayFiPMode.Test)]
    [InlineData("x", PayFiPMode.Activation)]
    [InlineData("W", PayFiPMode.Production)]
    public void Saisie_reads_T_X_and_W(string code, PayFiPMode mode)
    {
        Assert.True(PayFiPModes.TryParse(code, out var read));
        Assert.Equal(mode, read);
        Assert.Equal(code.ToUpperInvariant(), read.Code());
    }

    [Fact]
    public void Saisie_refuses_another_letter() => Assert.False(PayFiPModes.TryParse("M", out _));
}
