using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using OtpNet;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Accounts;

/// <summary>TOTP as a citizen's authenticator computes it (Otp.NET here), over gRPC against the shared cloud.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SecondFactorTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task TOTP_is_enrolled_then_asked_at_sign_in_and_a_code_opens_one_session() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();
        var signedIn = Citizens.Bearer(await citizens.SignInAsync(email));

        var enrolment = await cloud.Accounts.BeginTotpAsync(new BeginTotpRequest(), signedIn, CloudApi.Deadline);
        Assert.Equal($"otpauth://totp/CarteValoise:{Uri.EscapeDataString(email)}?secret={enrolment.Secret}&issuer=CarteValoise", enrolment.OtpauthUri);
        var authenticator = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
        var wrong = await Citizens.RefusedAsync(() => cloud.Accounts.ConfirmTotpAsync(
            new ConfirmTotpRequest { Code = Wrong(authenticator) }, signedIn, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        var recovery = await cloud.Accounts.ConfirmTotpAsync(new ConfirmTotpRequest { Code = authenticator.ComputeTotp(DateTime.UtcNow) }, signedIn, CloudApi.Deadline);
        Assert.Equal(10, recovery.Codes.Distinct().Count());
        Assert.All(recovery.Codes, code => Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", code));
        var account = await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), signedIn, CloudApi.Deadline);
        Assert.True(account.TotpEnabled);
        Assert.Equal(10, account.RecoveryCodesLeft);

        var challenged = await citizens.SignInAsync(email);
        Assert.Empty(challenged.Token);
        Assert.NotEmpty(challenged.SecondFactorChallenge);
        // The next step's code: the current one was spent by the enrolment, and a code counts once.
        var code = authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var session = await cloud.Accounts.CompleteSecondFactorAsync(
            new SecondFactorRequest { Challenge = challenged.SecondFactorChallenge, Code = code }, deadline: CloudApi.Deadline);
        Assert.NotEmpty(session.Token);
        Assert.Equal(email, (await cloud.Accounts.WhoAmIAsync(new WhoAmIRequest(), Citizens.Bearer(session), CloudApi.Deadline)).AccountId);

        var again = await citizens.SignInAsync(email);
        var replay = await Citizens.RefusedAsync(() => cloud.Accounts.CompleteSecondFactorAsync(
            new SecondFactorRequest { Challenge = again.SecondFactorChallenge, Code = code }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, replay.StatusCode);
        Assert.Equal("Code incorrect : vérifiez le code de votre application d'authentification, ou saisissez un code de secours.", replay.Status.Detail);
        var spent = await Citizens.RefusedAsync(() => cloud.Accounts.CompleteSecondFactorAsync(
            new SecondFactorRequest { Challenge = challenged.SecondFactorChallenge, Code = authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(30)) }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, spent.StatusCode);
        Assert.Equal("Cette étape de connexion a expiré ou a déjà servi : reconnectez-vous avec votre mot de passe.", spent.Status.Detail);
    });

    [Fact]
    public Task A_recovery_code_opens_a_session_once() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();
        var signedIn = Citizens.Bearer(await citizens.SignInAsync(email));
        var enrolment = await cloud.Accounts.BeginTotpAsync(new BeginTotpRequest(), signedIn, CloudApi.Deadline);
        var codes = await cloud.Accounts.ConfirmTotpAsync(
            new ConfirmTotpRequest { Code = new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(DateTime.UtcNow) }, signedIn, CloudApi.Deadline);

        var first = await citizens.SignInAsync(email);
        // Typed in lower case with spaces, as people do.
        var typed = codes.Codes[3].ToLowerInvariant().Replace('-', ' ');
        var session = await cloud.Accounts.CompleteSecondFactorAsync(new SecondFactorRequest { Challenge = first.SecondFactorChallenge, Code = typed }, deadline: CloudApi.Deadline);
        Assert.NotEmpty(session.Token);
        Assert.Equal(9, (await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), Citizens.Bearer(session), CloudApi.Deadline)).RecoveryCodesLeft);

        var second = await citizens.SignInAsync(email);
        var reused = await Citizens.RefusedAsync(() => cloud.Accounts.CompleteSecondFactorAsync(
            new SecondFactorRequest { Challenge = second.SecondFactorChallenge, Code = codes.Codes[3] }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, reused.StatusCode);
        var other = await cloud.Accounts.CompleteSecondFactorAsync(
            new SecondFactorRequest { Challenge = second.SecondFactorChallenge, Code = codes.Codes[4] }, deadline: CloudApi.Deadline);
        Assert.NotEmpty(other.Token);
    });

    [Fact]
    public Task Turning_TOTP_off_needs_the_password() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();
        var signedIn = Citizens.Bearer(await citizens.SignInAsync(email));
        var enrolment = await cloud.Accounts.BeginTotpAsync(new BeginTotpRequest(), signedIn, CloudApi.Deadline);
        await cloud.Accounts.ConfirmTotpAsync(
            new ConfirmTotpRequest { Code = new Totp(Base32Encoding.ToBytes(enrolment.Secret)).ComputeTotp(DateTime.UtcNow) }, signedIn, CloudApi.Deadline);

        var wrong = await Citizens.RefusedAsync(() => cloud.Accounts.DisableTotpAsync(new DisableTotpRequest { Password = "Pas-Le-Bon-2026" }, signedIn, CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal("Mot de passe incorrect : la double authentification reste activée.", wrong.Status.Detail);
        Assert.True((await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), signedIn, CloudApi.Deadline)).TotpEnabled);

        await cloud.Accounts.DisableTotpAsync(new DisableTotpRequest { Password = Citizens.Password }, signedIn, CloudApi.Deadline);

        Assert.False((await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), signedIn, CloudApi.Deadline)).TotpEnabled);
        Assert.NotEmpty((await citizens.SignInAsync(email)).Token);
    });

    /// <summary>A six-digit code that is none of the three the cloud accepts now.</summary>
    private static string Wrong(Totp authenticator)
    {
        var accepted = new[] { -30, 0, 30 }.Select(s => authenticator.ComputeTotp(DateTime.UtcNow.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => $"{i}{i}{i}{i}{i}{i}").First(code => !accepted.Contains(code));
    }
}
