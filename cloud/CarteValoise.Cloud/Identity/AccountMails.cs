using CarteValoise.Cloud.Mail;
using Grpc.Core;

namespace CarteValoise.Cloud.Identity;

/// <summary>
/// The mails of the account's life, in French: confirm the address, "you already have an account",
/// choose a new password. Links go to the portal at Portal:PublicUrl and carry the one-time token only.
/// A mail that cannot be handed to the server is UNAVAILABLE for the caller, who may try again.
/// </summary>
public sealed class AccountMails(IMailSender sender, PortalLinks links, ILogger<AccountMails> logger)
{
    private const string Signature = "L'équipe CarteValoise\nLe guichet en ligne des communes du Val-d'Oise";

    public Uri VerificationLink(string token) => links.To($"Inscription/Confirmation?jeton={Uri.EscapeDataString(token)}");

    public Uri ResetLink(string token) => links.To($"MotDePasse/Nouveau?jeton={Uri.EscapeDataString(token)}");

    public Task SendVerificationAsync(string email, string displayName, string token, CancellationToken cancellationToken) =>
        SendAsync(new OutgoingMail(email, "Confirmez votre adresse électronique", $"""
            Bonjour {displayName},

            Pour activer votre compte CarteValoise, confirmez votre adresse électronique en ouvrant ce lien :

            {VerificationLink(token)}

            Ce lien est valable 24 heures et ne sert qu'une fois.

            Si vous n'avez pas demandé à créer de compte, ignorez ce message : sans confirmation, le compte ne sera pas activé.

            {Signature}
            """), cancellationToken);

    public Task SendAlreadyRegisteredAsync(string email, string displayName, string resetToken, CancellationToken cancellationToken) =>
        SendAsync(new OutgoingMail(email, "Vous avez déjà un compte CarteValoise", $"""
            Bonjour {displayName},

            Quelqu'un, peut-être vous, a demandé à créer un compte CarteValoise avec cette adresse électronique. Vous avez déjà un compte : connectez-vous avec votre adresse et votre mot de passe.

            Si vous avez oublié votre mot de passe, choisissez-en un nouveau avec ce lien (valable 1 heure, une seule fois) :

            {ResetLink(resetToken)}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé sur votre compte.

            {Signature}
            """), cancellationToken);

    public Task SendPasswordResetAsync(string email, string displayName, string resetToken, CancellationToken cancellationToken) =>
        SendAsync(new OutgoingMail(email, "Choisissez un nouveau mot de passe", $"""
            Bonjour {displayName},

            Vous avez demandé à changer le mot de passe de votre compte CarteValoise. Choisissez-en un nouveau avec ce lien (valable 1 heure, une seule fois) :

            {ResetLink(resetToken)}

            Une fois le mot de passe changé, toutes les sessions ouvertes sur votre compte seront fermées.

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.

            {Signature}
            """), cancellationToken);

    private async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Courriel « {Subject} » non envoyé", mail.Subject);
            throw new RpcException(new Status(StatusCode.Unavailable, "Le courriel n'a pas pu être envoyé : réessayez dans quelques minutes."));
        }
    }
}
