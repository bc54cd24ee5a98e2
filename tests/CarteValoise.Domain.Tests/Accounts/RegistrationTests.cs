using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class RegistrationTests
{
    [Fact]
    public void A_complete_form_has_no_problem_and_its_address_is_lower_cased()
    {
        var registration = new Registration("  Camille.Martin@Exemple.FR ", " Camille ", "Martin", "Velo-Rouge-2026");

        Assert.Empty(registration.Problems());
        Assert.Equal("camille.martin@exemple.fr", registration.NormalisedEmail);
        Assert.Equal("Camille Martin", registration.DisplayName);
    }

    [Fact]
    public void An_empty_form_lists_every_field_to_fill() =>
        Assert.Equal(
            ["Indiquez votre adresse électronique.", "Indiquez votre prénom.", "Indiquez votre nom.", "Choisissez un mot de passe."],
            new Registration("", " ", "", "").Problems());

    [Fact]
    public void A_malformed_address_is_named_as_typed() =>
        Assert.Equal(["L'adresse électronique « camille.martin@exemple » n'est pas valide (exemple : prenom.nom@exemple.fr)."],
            new Registration("camille.martin@exemple", "Camille", "Martin", "Velo-Rouge-2026").Problems());

    [Fact]
    public void The_password_is_checked_against_the_address_typed_in_the_form() =>
        Assert.Equal(["Le mot de passe ne doit pas être votre adresse électronique."],
            new Registration("Velo.Rouge.2026@exemple.fr", "Camille", "Martin", "velo.rouge.2026@exemple.fr").Problems());
}
