using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Identity;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>Registration, the verification link, and the forgotten password: answers that never tell who has an account.</summary>
public sealed partial class AccountsService
{
    public override async Task<RegisterReply> Register(RegisterRequest request, ServerCallContext context)
    {
        var registration = new Registration(request.Email, request.GivenName, request.FamilyName, request.Password);
        var problems = registration.Problems();
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);

        var email = registration.NormalisedEmail;
        // Hashed whether or not the address is taken: both answers cost the same time.
        var record = new AccountRecord(email, email, registration.DisplayName, hasher.Hash(request.Password), CallerRole.Parent, [], null);
        var account = Account(email);
        if (await account.Register(record))
        {
            var token = await IssueTokenAsync(email, AccountTokenPurpose.EmailVerification);
            await mails.SendVerificationAsync(email, record.DisplayName, token, context.CancellationToken);
            logger.LogInformation("Compte {AccountId} créé, en attente de confirmation de l'adresse", email);
        }
        else
        {
            var existing = await account.Get();
            var token = await IssueTokenAsync(email, AccountTokenPurpose.PasswordReset);
            await mails.SendAlreadyRegisteredAsync(email, existing!.DisplayName, token, context.CancellationToken);
            logger.LogInformation("Inscription demandée pour le compte existant {AccountId} : son titulaire est prévenu", email);
        }
        return new RegisterReply
        {
            Message = $"Un courriel de confirmation a été envoyé à {email}. Ouvrez le lien qu'il contient dans les 24 heures pour activer votre compte.",
        };
    }

    public override async Task<VerifyEmailReply> VerifyEmail(VerifyEmailRequest request, ServerCallContext context)
    {
        var (index, accountId) = await FindToken(request.Token);
        if (accountId is null || await Account(accountId).VerifyEmail(OneTimeTokens.HashOf(request.Token)) != TokenCheck.Usable)
            throw FailedPrecondition(AccountTokens.VerificationLinkRefused);
        await index!.Forget();
        logger.LogInformation("Adresse du compte {AccountId} confirmée", accountId);
        return new VerifyEmailReply { Email = accountId };
    }

    public override Task<PasswordResetReply> RequestPasswordReset(PasswordResetRequest request, ServerCallContext context)
    {
        var email = Registration.NormaliseEmail(request.Email);
        if (email.Length == 0) throw WireErrors.InvalidArgument("Indiquez votre adresse électronique.");
        if (!ContactDetails.IsEmail(email)) throw WireErrors.InvalidArgument($"L'adresse électronique « {request.Email.Trim()} » n'est pas valide (exemple : prenom.nom@exemple.fr).");

        // The mail goes out after the answer, so that the answer takes the same time whether the
        // address has an account or not.
        _ = Task.Run(() => SendResetMailAsync(email));
        return Task.FromResult(new PasswordResetReply
        {
            Message = $"Si un compte existe pour {email}, un courriel vient d'y être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.",
        });
    }

    private async Task SendResetMailAsync(string email)
    {
        try
        {
            if (await Account(email).Get() is not { } account) return;
            var token = await IssueTokenAsync(email, AccountTokenPurpose.PasswordReset);
            await mails.SendPasswordResetAsync(email, account.DisplayName, token, CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Courriel de nouveau mot de passe non envoyé pour {AccountId}", email);
        }
    }

    public override async Task<ResetPasswordReply> ResetPassword(ResetPasswordRequest request, ServerCallContext context)
    {
        var (index, accountId) = await FindToken(request.Token);
        if (accountId is null || await Account(accountId).Get() is not { } account) throw FailedPrecondition(AccountTokens.ResetLinkRefused);

        var problems = PasswordPolicy.Problems(request.NewPassword, account.Email);
        if (problems.Count > 0) throw WireErrors.InvalidArgument(problems);
        if (await Account(accountId).ResetPassword(OneTimeTokens.HashOf(request.Token), hasher.Hash(request.NewPassword)) != TokenCheck.Usable)
            throw FailedPrecondition(AccountTokens.ResetLinkRefused);
        await index!.Forget();
        logger.LogInformation("Mot de passe du compte {AccountId} changé par lien : toutes ses sessions sont fermées", accountId);
        return new ResetPasswordReply { Email = account.Email };
    }

    /// <summary>The index entry of a token and the account it names, or nulls for an empty, unknown or expired token.</summary>
    private async Task<(IAccountTokenGrain? Index, string? AccountId)> FindToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return (null, null);
        var index = grains.GetGrain<IAccountTokenGrain>(OneTimeTokens.HashOf(token));
        return (index, await index.GetAccount());
    }
}
