using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private const string Email = "camille.martin@exemple.fr";

    [Theory]
    [InlineData("Velo-Rouge-2026")]
    [InlineData("trois mots bleus 7")]
    [InlineData("quatorzelettres1")]
    [InlineData("ÉTÉ-À-CERGY-95")]
    public void A_long_password_of_two_kinds_of_characters_or_more_is_accepted(string password) =>
        Assert.Empty(PasswordPolicy.Problems(password, Email));

    [Fact]
    public void An_empty_password_is_asked_for() =>
        Assert.Equal(["Choisissez un mot de passe."], PasswordPolicy.Problems("", Email));

    [Fact]
    public void A_short_password_says_how_many_characters_it_has() =>
        Assert.Equal(["Le mot de passe doit compter au moins 12 caractères (il en compte 9)."], PasswordPolicy.Problems("Court-7!x", Email));

    [Fact]
    public void Accented_letters_count_as_one_character_each() =>
        Assert.Equal(["Le mot de passe doit compter au moins 12 caractères (il en compte 11)."], PasswordPolicy.Problems("Éléphant-95", Email));

    [Theory]
    [InlineData("Camille.Martin@Exemple.fr")]
    [InlineData("camille.martin@exemple.fr")]
    public void The_email_itself_is_refused(string password) =>
        Assert.Equal(["Le mot de passe ne doit pas être votre adresse électronique."], PasswordPolicy.Problems(password, Email));

    [Fact]
    public void The_part_before_the_at_sign_is_refused_too() =>
        Assert.Equal(["Le mot de passe ne doit pas être votre adresse électronique."],
            PasswordPolicy.Problems("Jean-Baptiste.Dupont", "jean-baptiste.dupont@exemple.fr"));

    [Theory]
    [InlineData("toutenminuscules", "Le mot de passe ne contient que des minuscules : ajoutez au moins une majuscule, un chiffre ou un symbole.")]
    [InlineData("TOUTENMAJUSCULES", "Le mot de passe ne contient que des majuscules : ajoutez au moins une minuscule, un chiffre ou un symbole.")]
    [InlineData("123456789012", "Le mot de passe ne contient que des chiffres : ajoutez au moins une lettre ou un symbole.")]
    [InlineData("!!!!----####", "Le mot de passe ne contient que des symboles : ajoutez au moins une lettre ou un chiffre.")]
    public void A_password_of_one_kind_of_character_says_what_is_missing(string password, string problem) =>
        Assert.Equal([problem], PasswordPolicy.Problems(password, Email));

    [Fact]
    public void Every_problem_is_listed_at_once() =>
        Assert.Equal(
            ["Le mot de passe doit compter au moins 12 caractères (il en compte 6).", "Le mot de passe ne contient que des chiffres : ajoutez au moins une lettre ou un symbole."],
            PasswordPolicy.Problems("123456", Email));

    [Fact]
    public void A_password_longer_than_the_limit_is_refused() =>
        Assert.Equal(["Le mot de passe doit compter au plus 256 caractères."], PasswordPolicy.Problems(new string('a', 251) + "B-4567", Email));
}
