using CarteValoise.Domain.Accounts;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class SecondFactorGrainTests(ClusterFixture fixture)
{
    private const string Secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public async Task A_TOTP_secret_is_in_force_only_once_a_fresh_code_confirms_the_pending_one()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        Assert.True(await account.BeginTotp(Secret));
        Assert.Equal(new TotpSecrets(null, Secret), await account.GetTotpSecrets());
        Assert.False((await account.GetOverview())!.TotpEnabled);

        Assert.False(await account.ConfirmTotp("ANOTHERSECRETXXX", 1000, ["r1"]));
        Assert.True(await account.ConfirmTotp(Secret, 1000, ["r1", "r2"]));

        var overview = await account.GetOverview();
        Assert.True(overview!.TotpEnabled);
        Assert.Equal(2, overview.RecoveryCodesLeft);
        Assert.Equal(new TotpSecrets(Secret, null), await account.GetTotpSecrets());
        // While TOTP is in force, no new secret replaces it.
        Assert.False(await account.BeginTotp("OTHERSECRET"));
    }

    [Fact]
    public async Task A_TOTP_step_opens_one_session_and_the_same_step_is_refused_afterwards()
    {
        var account = await WithTotpAsync(lastStep: 1000);
        var first = await ChallengeAsync(account);
        var session = TestAccounts.Session(fixture.Time.GetUtcNow());

        var opened = await account.CompleteSecondFactor(first, new SecondFactorProof(Secret, 1001, null), session);

        Assert.Equal(SecondFactorResult.Completed, opened.Result);
        Assert.True(await account.IsSessionOpen(session.SessionId));
        var second = await ChallengeAsync(account);
        Assert.Equal(SecondFactorResult.WrongCode,
            (await account.CompleteSecondFactor(second, new SecondFactorProof(Secret, 1001, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
        // The step the enrolment used is spent too.
        Assert.Equal(SecondFactorResult.WrongCode,
            (await account.CompleteSecondFactor(second, new SecondFactorProof(Secret, 1000, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
        Assert.Equal(SecondFactorResult.Completed,
            (await account.CompleteSecondFactor(second, new SecondFactorProof(Secret, 1002, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
    }

    [Fact]
    public async Task A_challenge_is_taken_once_and_dies_after_five_minutes()
    {
        var account = await WithTotpAsync(lastStep: 1000);
        var taken = await ChallengeAsync(account);
        Assert.Equal(SecondFactorResult.Completed,
            (await account.CompleteSecondFactor(taken, new SecondFactorProof(Secret, 1001, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);

        Assert.Equal(SecondFactorResult.ChallengeRefused,
            (await account.CompleteSecondFactor(taken, new SecondFactorProof(Secret, 1002, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);

        var late = await ChallengeAsync(account);
        fixture.Time.Advance(AccountTokens.SecondFactorLifetime);
        Assert.Equal(SecondFactorResult.ChallengeRefused,
            (await account.CompleteSecondFactor(late, new SecondFactorProof(Secret, 1003, null), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
    }

    [Fact]
    public async Task A_challenge_of_another_account_opens_nothing()
    {
        var account = await WithTotpAsync(lastStep: 1000);
        var other = await WithTotpAsync(lastStep: 1000);
        var othersChallenge = await ChallengeAsync(other);

        var outcome = await account.CompleteSecondFactor(othersChallenge, new SecondFactorProof(Secret, 1001, null), TestAccounts.Session(fixture.Time.GetUtcNow()));

        Assert.Equal(SecondFactorResult.ChallengeRefused, outcome.Result);
    }

    [Fact]
    public async Task Each_recovery_code_opens_one_session_once()
    {
        var account = await WithTotpAsync(lastStep: 1000, recoveryHashes: ["r1", "r2", "r3"]);

        var challenge = await ChallengeAsync(account);
        Assert.Equal(SecondFactorResult.Completed,
            (await account.CompleteSecondFactor(challenge, new SecondFactorProof(null, null, "r2"), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
        Assert.Equal(2, (await account.GetOverview())!.RecoveryCodesLeft);

        var again = await ChallengeAsync(account);
        Assert.Equal(SecondFactorResult.WrongCode,
            (await account.CompleteSecondFactor(again, new SecondFactorProof(null, null, "r2"), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
        Assert.Equal(SecondFactorResult.Completed,
            (await account.CompleteSecondFactor(again, new SecondFactorProof(null, null, "r3"), TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);
        Assert.Equal(1, (await account.GetOverview())!.RecoveryCodesLeft);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_throttle_and_a_locked_account_refuses_even_a_right_code()
    {
        var account = await WithTotpAsync(lastStep: 1000);
        var challenge = await ChallengeAsync(account);
        var wrong = new SecondFactorProof(Secret, null, null);
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
            Assert.Equal(SecondFactorResult.WrongCode, (await account.CompleteSecondFactor(challenge, wrong, TestAccounts.Session(fixture.Time.GetUtcNow()))).Result);

        var fifth = await account.CompleteSecondFactor(challenge, wrong, TestAccounts.Session(fixture.Time.GetUtcNow()));

        Assert.Equal(new SecondFactorOutcome(SecondFactorResult.Locked, fixture.Time.GetUtcNow() + SignInThrottle.FirstLockout), fifth);
        var right = await account.CompleteSecondFactor(challenge, new SecondFactorProof(Secret, 1001, null), TestAccounts.Session(fixture.Time.GetUtcNow()));
        Assert.Equal(SecondFactorResult.Locked, right.Result);
        Assert.Empty(await account.GetOpenSessions());
    }

    [Fact]
    public async Task A_proof_made_with_a_secret_no_longer_in_force_is_wrong()
    {
        var account = await WithTotpAsync(lastStep: 1000);
        var challenge = await ChallengeAsync(account);

        var outcome = await account.CompleteSecondFactor(challenge, new SecondFactorProof("AN0LDSECRET", 1001, null), TestAccounts.Session(fixture.Time.GetUtcNow()));

        Assert.Equal(SecondFactorResult.WrongCode, outcome.Result);
    }

    [Fact]
    public async Task Disabling_TOTP_drops_the_secret_and_the_recovery_codes()
    {
        var account = await WithTotpAsync(lastStep: 1000, recoveryHashes: ["r1"]);

        await account.DisableTotp();

        var overview = await account.GetOverview();
        Assert.False(overview!.TotpEnabled);
        Assert.Equal(0, overview.RecoveryCodesLeft);
        Assert.Equal(new TotpSecrets(null, null), await account.GetTotpSecrets());
        Assert.True(await account.BeginTotp(Secret));
    }

    private async Task<IAccountGrain> WithTotpAsync(long lastStep, IReadOnlyList<string>? recoveryHashes = null)
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        Assert.True(await account.BeginTotp(Secret));
        Assert.True(await account.ConfirmTotp(Secret, lastStep, recoveryHashes ?? ["r1"]));
        return account;
    }

    private static async Task<string> ChallengeAsync(IAccountGrain account)
    {
        var challenge = TestAccounts.Hash("challenge");
        await account.IssueToken(AccountTokenPurpose.SecondFactor, challenge);
        return challenge;
    }
}
