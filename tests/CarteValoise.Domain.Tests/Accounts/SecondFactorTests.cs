using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class SecondFactorTests
{
    [Theory]
    [InlineData("123456", true, "123456")]
    [InlineData("123 456", true, "123456")]
    [InlineData("12345", false, "12345")]
    [InlineData("12345a", false, "12345a")]
    [InlineData("ABCD-EFGH-JKMN-PQRS", false, "ABCD-EFGH-JKMN-PQRS")]
    public void Six_digits_are_an_authenticator_code(string typed, bool isCode, string digits)
    {
        Assert.Equal(isCode, SecondFactor.LooksLikeTotpCode(typed, out var read));
        Assert.Equal(digits, read);
    }

    [Fact]
    public void A_step_is_fresh_only_after_the_last_one_taken()
    {
        Assert.True(SecondFactor.IsFreshStep(100, null));
        Assert.True(SecondFactor.IsFreshStep(101, 100));
        Assert.False(SecondFactor.IsFreshStep(100, 100));
        Assert.False(SecondFactor.IsFreshStep(99, 100));
    }

    [Theory]
    [InlineData("abcd-efgh-jkmn-pqrs")]
    [InlineData(" ABCD EFGH JKMN PQRS ")]
    [InlineData("ABCDEFGHJKMNPQRS")]
    public void A_recovery_code_reads_the_same_however_it_is_typed(string typed) =>
        Assert.Equal("ABCDEFGHJKMNPQRS", SecondFactor.NormaliseRecoveryCode(typed));
}
