using CarteValoise.Domain.Accounts;

namespace CarteValoise.Domain.Tests.Accounts;

public sealed class AccountTokensTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AccountTokenPurpose.EmailVerification, 24 * 60)]
    [InlineData(AccountTokenPurpose.PasswordReset, 60)]
    [InlineData(AccountTokenPurpose.SecondFactor, 5)]
    public void Each_purpose_has_its_lifetime(AccountTokenPurpose purpose, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), AccountTokens.LifetimeOf(purpose));

    [Fact]
    public void A_token_is_usable_until_the_instant_it_expires_and_not_at_that_instant()
    {
        var expiresAt = Issued + AccountTokens.PasswordResetLifetime;

        Assert.Equal(TokenCheck.Usable, AccountTokens.Check(expiresAt, used: false, expiresAt.AddTicks(-1)));
        Assert.Equal(TokenCheck.Expired, AccountTokens.Check(expiresAt, used: false, expiresAt));
    }

    [Fact]
    public void A_used_token_is_refused_even_before_it_expires() =>
        Assert.Equal(TokenCheck.AlreadyUsed, AccountTokens.Check(Issued.AddHours(1), used: true, Issued.AddMinutes(1)));

    [Fact]
    public void A_reset_link_issued_before_the_password_changed_is_stale()
    {
        Assert.True(AccountTokens.IsStale(Issued, passwordChangedAt: Issued.AddMinutes(1)));
        Assert.False(AccountTokens.IsStale(Issued, passwordChangedAt: Issued.AddMinutes(-1)));
        Assert.False(AccountTokens.IsStale(Issued, passwordChangedAt: null));
    }

    [Fact]
    public void A_verification_mail_is_sent_again_at_most_every_five_minutes()
    {
        Assert.True(AccountTokens.VerificationMailIsDue(null, Issued));
        Assert.False(AccountTokens.VerificationMailIsDue(Issued, Issued.AddMinutes(5).AddTicks(-1)));
        Assert.True(AccountTokens.VerificationMailIsDue(Issued, Issued.AddMinutes(5)));
    }
}
