using CarteValoise.Domain.Household;

namespace CarteValoise.Domain.Tests.Household;

public sealed class CafNumberTests
{
    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData("0123456", "0123456")]
    [InlineData(" 123 45 67 ", "1234567")]
    [InlineData("123.45.67", "1234567")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Seven_digits_are_kept_as_digits_and_nothing_typed_is_no_number(string typed, string kept) =>
        Assert.Equal(kept, CafNumber.Normalize(typed));

    [Theory]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("12345A7")]
    [InlineData("CAF1234567")]
    public void Anything_but_seven_digits_is_refused(string typed) => Assert.Null(CafNumber.Normalize(typed));

    [Fact]
    public void A_six_digit_number_is_told_the_rule_and_how_many_digits_it_has() =>
        Assert.Equal(
            "Le numéro d'allocataire CAF « 123456 » n'est pas valide : il a 7 chiffres (ici 6), tel qu'il figure en haut de vos courriers de la CAF, par exemple 1234567.",
            CafNumber.Problem("123456"));

    [Fact]
    public void A_number_with_letters_is_told_the_rule_without_a_count() =>
        Assert.Equal(
            "Le numéro d'allocataire CAF « 12345A7 » n'est pas valide : il a 7 chiffres, tel qu'il figure en haut de vos courriers de la CAF, par exemple 1234567.",
            CafNumber.Problem("12345A7"));
}
