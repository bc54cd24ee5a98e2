using CarteValoise.Domain.Accounts;
using CarteValoise.Grains.Identity;

namespace CarteValoise.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class AccountLifeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_registered_account_waits_for_its_address_and_a_verification_token_verifies_it_once()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        Assert.False((await account.GetOverview())!.EmailVerified);
        var token = TestAccounts.Hash("verify");
        Assert.Equal(fixture.Time.GetUtcNow() + AccountTokens.VerificationLifetime, await account.IssueToken(AccountTokenPurpose.EmailVerification, token));

        Assert.Equal(TokenCheck.Usable, await account.VerifyEmail(token));
        Assert.True((await account.GetOverview())!.EmailVerified);
        Assert.Equal(TokenCheck.AlreadyUsed, await account.VerifyEmail(token));
    }

    [Fact]
    public async Task An_expired_unknown_or_other_purpose_token_verifies_nothing()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        var verify = TestAccounts.Hash("verify");
        var reset = TestAccounts.Hash("reset");
        await account.IssueToken(AccountTokenPurpose.EmailVerification, verify);
        await account.IssueToken(AccountTokenPurpose.PasswordReset, reset);

        Assert.Equal(TokenCheck.Unknown, await account.VerifyEmail("hash-never-issued"));
        Assert.Equal(TokenCheck.Unknown, await account.VerifyEmail(reset));
        fixture.Time.Advance(AccountTokens.VerificationLifetime);
        Assert.Equal(TokenCheck.Expired, await account.VerifyEmail(verify));
        Assert.False((await account.GetOverview())!.EmailVerified);
    }

    [Fact]
    public async Task Registering_an_existing_address_changes_nothing()
    {
        var (account, record) = await TestAccounts.RegisteredAsync(fixture.Grains);

        Assert.False(await account.Register(record with { DisplayName = "Quelqu'un d'autre", PasswordHash = "autre" }));

        Assert.Equal(record, await account.Get());
    }

    [Fact]
    public async Task An_account_the_platform_saves_is_verified_at_once()
    {
        var record = TestAccounts.NewParent();
        var account = fixture.Grains.GetGrain<IAccountGrain>(record.AccountId);

        await account.Save(record);

        var overview = await account.GetOverview();
        Assert.True(overview!.EmailVerified);
        Assert.Equal(fixture.Time.GetUtcNow(), overview.CreatedAt);
    }

    [Fact]
    public async Task A_reset_token_sets_the_password_once_verifies_the_address_ends_every_session_and_clears_the_throttle()
    {
        var (account, record) = await TestAccounts.RegisteredAsync(fixture.Grains);
        await account.OpenSession(TestAccounts.Session(fixture.Time.GetUtcNow()));
        await account.OpenSession(TestAccounts.Session(fixture.Time.GetUtcNow()));
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++) await account.RecordFailure();
        var token = TestAccounts.Hash("reset");
        await account.IssueToken(AccountTokenPurpose.PasswordReset, token);

        Assert.Equal(TokenCheck.Usable, await account.ResetPassword(token, "new-hash"));

        Assert.Equal(record with { PasswordHash = "new-hash" }, await account.Get());
        Assert.True((await account.GetOverview())!.EmailVerified);
        Assert.Empty(await account.GetOpenSessions());
        // The four failures before the reset are forgotten: four more do not lock.
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++) Assert.Null(await account.RecordFailure());
        Assert.Equal(TokenCheck.AlreadyUsed, await account.ResetPassword(token, "another-hash"));
        Assert.Equal("new-hash", (await account.Get())!.PasswordHash);
    }

    [Fact]
    public async Task A_reset_link_issued_before_the_password_changed_is_refused()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);
        var older = TestAccounts.Hash("older");
        var newer = TestAccounts.Hash("newer");
        await account.IssueToken(AccountTokenPurpose.PasswordReset, older);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await account.IssueToken(AccountTokenPurpose.PasswordReset, newer);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TokenCheck.Usable, await account.ResetPassword(newer, "hash-from-newer"));

        Assert.Equal(TokenCheck.AlreadyUsed, await account.ResetPassword(older, "hash-from-older"));
        Assert.Equal("hash-from-newer", (await account.Get())!.PasswordHash);
    }

    [Fact]
    public async Task A_verification_mail_is_noted_at_most_once_in_five_minutes_and_never_once_verified()
    {
        var (account, _) = await TestAccounts.RegisteredAsync(fixture.Grains);

        Assert.True(await account.NoteVerificationMail());
        fixture.Time.Advance(AccountTokens.VerificationMailPace - TimeSpan.FromSeconds(1));
        Assert.False(await account.NoteVerificationMail());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await account.NoteVerificationMail());

        var token = TestAccounts.Hash("verify");
        await account.IssueToken(AccountTokenPurpose.EmailVerification, token);
        await account.VerifyEmail(token);
        fixture.Time.Advance(AccountTokens.VerificationMailPace);
        Assert.False(await account.NoteVerificationMail());
    }

    [Fact]
    public async Task An_account_opened_by_FranceConnect_is_verified_has_no_password_and_names_its_subject()
    {
        var record = TestAccounts.NewParent() with { PasswordHash = "" };
        var account = fixture.Grains.GetGrain<IAccountGrain>(record.AccountId);

        Assert.True(await account.CreateFromFranceConnect(record, "fc-subject-1"));
        Assert.False(await account.CreateFromFranceConnect(record, "fc-subject-2"));

        var overview = await account.GetOverview();
        Assert.True(overview!.EmailVerified);
        Assert.Equal("", overview.Account.PasswordHash);
        Assert.Equal("fc-subject-1", overview.FranceConnectSubject);
    }

    [Fact]
    public async Task A_FranceConnect_subject_stays_linked_to_the_first_account()
    {
        var subject = fixture.Grains.GetGrain<IFranceConnectSubjectGrain>($"fc-{Guid.NewGuid():N}");
        Assert.Null(await subject.GetAccount());

        var linked = await Task.WhenAll(subject.Link("first@exemple.fr"), subject.Link("second@exemple.fr"));

        Assert.Equal(linked[0], linked[1]);
        Assert.Equal(linked[0], await subject.GetAccount());
    }

    [Fact]
    public async Task The_token_index_names_its_account_until_the_token_expires_or_is_forgotten()
    {
        var now = fixture.Time.GetUtcNow();
        var index = fixture.Grains.GetGrain<IAccountTokenGrain>(TestAccounts.Hash("index"));
        var forgotten = fixture.Grains.GetGrain<IAccountTokenGrain>(TestAccounts.Hash("forgotten"));
        await index.Bind("camille@exemple.fr", now.AddMinutes(5));
        await forgotten.Bind("camille@exemple.fr", now.AddMinutes(5));

        Assert.Equal("camille@exemple.fr", await index.GetAccount());
        await forgotten.Forget();
        Assert.Null(await forgotten.GetAccount());
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await index.GetAccount());
    }
}
