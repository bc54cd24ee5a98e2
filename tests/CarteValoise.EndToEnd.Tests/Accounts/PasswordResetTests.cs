using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Accounts;

[Collection(PlatformCollection.Name)]
public sealed class PasswordResetTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task The_reset_link_sets_a_new_password_once_and_ends_every_session() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var citizens = new Citizens(platform, cloud);
        var email = await citizens.VerifiedAsync();
        var before = await citizens.SignInAsync(email);

        var reply = await cloud.Accounts.RequestPasswordResetAsync(new PasswordResetRequest { Email = email }, deadline: CloudApi.Deadline);
        Assert.Equal($"Si un compte existe pour {email}, un courriel vient d'y être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.", reply.Message);
        var mail = await citizens.MailAsync(email, "Choisissez un nouveau mot de passe");
        var token = Citizens.TokenIn(mail, citizens.ResetPrefix);

        // A password against the policy changes nothing, and the link still works.
        var weak = await Citizens.RefusedAsync(() => cloud.Accounts.ResetPasswordAsync(
            new ResetPasswordRequest { Token = token, NewPassword = "court" }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, weak.StatusCode);
        Assert.Equal(["Le mot de passe doit compter au moins 12 caractères (il en compte 5).",
            "Le mot de passe ne contient que des minuscules : ajoutez au moins une majuscule, un chiffre ou un symbole."], weak.Status.Detail.Split('\n'));

        var reset = await cloud.Accounts.ResetPasswordAsync(new ResetPasswordRequest { Token = token, NewPassword = "Nouveau-Mot-2026" }, deadline: CloudApi.Deadline);
        Assert.Equal(email, reset.Email);

        var reused = await Citizens.RefusedAsync(() => cloud.Accounts.ResetPasswordAsync(
            new ResetPasswordRequest { Token = token, NewPassword = "Encore-Un-Autre-2026" }, deadline: CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal("Ce lien a déjà servi ou a expiré : demandez-en un nouveau.", reused.Status.Detail);

        var ended = await Citizens.RefusedAsync(() => cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), Citizens.Bearer(before), CloudApi.Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ended.StatusCode);
        Assert.Equal("Session terminée : reconnectez-vous.", ended.Status.Detail);
        var old = await Citizens.RefusedAsync(() => citizens.SignInAsync(email));
        Assert.Equal(StatusCode.Unauthenticated, old.StatusCode);
        Assert.NotEmpty((await citizens.SignInAsync(email, "Nouveau-Mot-2026")).Token);
    });

    [Fact]
    public Task An_unknown_address_gets_the_same_answer() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var nobody = Citizens.NewEmail();

        var reply = await cloud.Accounts.RequestPasswordResetAsync(new PasswordResetRequest { Email = nobody }, deadline: CloudApi.Deadline);

        Assert.Equal($"Si un compte existe pour {nobody}, un courriel vient d'y être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.", reply.Message);
    });

    [Fact]
    public Task A_token_nobody_issued_resets_nothing() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());

        var refused = await Citizens.RefusedAsync(() => cloud.Accounts.ResetPasswordAsync(
            new ResetPasswordRequest { Token = "jeton-que-personne-n-a-emis", NewPassword = "Nouveau-Mot-2026" }, deadline: CloudApi.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("Ce lien a déjà servi ou a expiré : demandez-en un nouveau.", refused.Status.Detail);
    });
}
