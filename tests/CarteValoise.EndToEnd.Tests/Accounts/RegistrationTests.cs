using CarteValoise.Contracts.Accounts;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Accounts;

/// <summary>Registration over gRPC against the shared cloud, with the mails it sends read from the SMTP sink.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistrationTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task Register_then_the_mails_link_verifies_the_address_once_and_the_citizen_signs_in() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = Citizens.NewEmail();

        var reply = await citizens.RegisterAsync(email.ToUpperInvariant());

        Assert.Equal($"Un courriel de confirmation a été envoyé à {email}. Ouvrez le lien qu'il contient dans les 24 heures pour activer votre compte.", reply.Message);
        var mail = await citizens.MailAsync(email, Citizens.VerificationSubject);
        Assert.StartsWith("Bonjour Hélène Durand,", mail.TextBody);
        Assert.Contains("Ce lien est valable 24 heures et ne sert qu'une fois.", mail.TextBody);
        var token = Citizens.TokenIn(mail, citizens.VerificationPrefix);

        // Before the address is confirmed: refused, and a new verification mail is sent.
        var early = await Citizens.RefusedAsync(() => citizens.SignInAsync(email));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Equal("Adresse non confirmée : un nouveau courriel de confirmation vient d'être envoyé.", early.Status.Detail);
        var second = await citizens.MailAsync(email, Citizens.VerificationSubject, skip: 1);
        Assert.NotEqual(token, Citizens.TokenIn(second, citizens.VerificationPrefix));

        var verified = await cloud.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = token }, deadline: CloudApi.Deadline);
        Assert.Equal(email, verified.Email);
        var reused = await Citizens.RefusedAsync(() => cloud.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = token }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal("Ce lien de confirmation a déjà servi ou a expiré : connectez-vous avec votre adresse et votre mot de passe pour en recevoir un nouveau.", reused.Status.Detail);

        var session = await citizens.SignInAsync(email);
        Assert.Equal(Role.Parent, session.Identity.Role);
        Assert.Equal("Hélène Durand", session.Identity.DisplayName);
        var account = await cloud.Accounts.GetAccountAsync(new GetAccountRequest(), Citizens.Bearer(session), CloudApi.Deadline);
        Assert.Equal(email, account.Email);
        Assert.True(account.EmailVerified);
        Assert.False(account.TotpEnabled);
        Assert.False(account.FranceconnectLinked);
        Assert.Equal(Role.Parent, account.Role);
    });

    [Fact]
    public Task An_address_already_registered_gets_the_same_answer_and_its_owner_a_mail_with_a_reset_link() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();

        var reply = await citizens.RegisterAsync(email, "Un-Autre-Mot-2026");

        Assert.Equal($"Un courriel de confirmation a été envoyé à {email}. Ouvrez le lien qu'il contient dans les 24 heures pour activer votre compte.", reply.Message);
        var mail = await citizens.MailAsync(email, "Vous avez déjà un compte CarteValoise");
        Assert.Contains("Vous avez déjà un compte : connectez-vous avec votre adresse et votre mot de passe.", mail.TextBody);
        var token = Citizens.TokenIn(mail, citizens.ResetPrefix);
        // The second registration changed nothing: the first password still opens the account.
        Assert.NotEmpty((await citizens.SignInAsync(email)).Token);
        var wrong = await Citizens.RefusedAsync(() => citizens.SignInAsync(email, "Un-Autre-Mot-2026"));
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        // The link of that mail is a working reset link.
        await cloud.Accounts.ResetPasswordAsync(new ResetPasswordRequest { Token = token, NewPassword = "Nouveau-Mot-2026" }, deadline: CloudApi.Deadline);
        Assert.NotEmpty((await citizens.SignInAsync(email, "Nouveau-Mot-2026")).Token);
    });

    [Fact]
    public Task A_bad_registration_lists_every_problem_in_French_and_creates_nothing() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var email = Citizens.NewEmail();

        var refused = await Citizens.RefusedAsync(() => cloud.Accounts.RegisterAsync(
            new RegisterRequest { Email = email, Password = "toutenminuscules", GivenName = "", FamilyName = "Durand" }, deadline: CloudApi.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["Indiquez votre prénom.", "Le mot de passe ne contient que des minuscules : ajoutez au moins une majuscule, un chiffre ou un symbole."],
            refused.Status.Detail.Split('\n'));
        var signIn = await Citizens.RefusedAsync(() => new Citizens(platform, cloud).SignInAsync(email, "toutenminuscules"));
        Assert.Equal(StatusCode.Unauthenticated, signIn.StatusCode);
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", signIn.Status.Detail);
    });
}
