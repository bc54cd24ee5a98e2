using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Accounts;
using CarteValoise.Grains.Identity;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>TOTP: enrolment with its recovery codes, the second step of a sign-in, and turning it off with the password.</summary>
public sealed partial class AccountsService
{
    private const string WrongEnrolmentCode = "Code incorrect : saisissez le code à 6 chiffres que votre application d'authentification affiche en ce moment.";

    public override async Task<Session> CompleteSecondFactor(SecondFactorRequest request, ServerCallContext context)
    {
        var (index, accountId) = await FindToken(request.Challenge);
        if (accountId is null || await Account(accountId).GetOverview() is not { } overview) throw FailedPrecondition(SecondFactor.ChallengeRefused);
        if (overview.LockedUntil is { } locked) throw Throttled(locked);

        var account = Account(accountId);
        var caller = CallerOf(overview.Account);
        var issued = tokens.Issue(caller, SessionLifetime);
        var outcome = await account.CompleteSecondFactor(OneTimeTokens.HashOf(request.Challenge), await ProofOf(account, request.Code),
            NewSessionRecord(issued, SessionRules.ByPassword, request.Client));
        switch (outcome.Result)
        {
            case SecondFactorResult.Completed:
                await index!.Forget();
                return await SessionAnswer(caller, issued);
            case SecondFactorResult.Locked:
                throw Throttled(outcome.LockedUntil!.Value);
            case SecondFactorResult.WrongCode:
                logger.LogWarning("Second facteur erroné pour le compte {AccountId}", accountId);
                throw Refused(SecondFactor.WrongCode);
            default:
                throw FailedPrecondition(SecondFactor.ChallengeRefused);
        }
    }

    /// <summary>A code of the authenticator (the step it matched), or a recovery code (its hash), as the account will check it.</summary>
    private async Task<SecondFactorProof> ProofOf(IAccountGrain account, string code)
    {
        if (SecondFactor.LooksLikeTotpCode(code, out _))
        {
            var secret = (await account.GetTotpSecrets()).Active;
            return new SecondFactorProof(secret, secret is null ? null : totp.Match(secret, code), null);
        }
        var recovery = SecondFactor.NormaliseRecoveryCode(code);
        return new SecondFactorProof(null, null, recovery.Length == 0 ? null : TotpCodes.RecoveryCodeHash(recovery));
    }

    public override async Task<TotpEnrolment> BeginTotp(BeginTotpRequest request, ServerCallContext context)
    {
        var (_, account, overview) = await SignedInAccount(context);
        const string already = "La double authentification est déjà activée : désactivez-la d'abord (avec votre mot de passe) pour changer d'application.";
        if (overview.TotpEnabled) throw FailedPrecondition(already);
        var (secret, sealedSecret) = totp.NewSecret();
        if (!await account.BeginTotp(sealedSecret)) throw FailedPrecondition(already);
        return new TotpEnrolment { Secret = secret, OtpauthUri = TotpCodes.Uri(overview.Account.Email, secret) };
    }

    public override async Task<RecoveryCodes> ConfirmTotp(ConfirmTotpRequest request, ServerCallContext context)
    {
        var (_, account, overview) = await SignedInAccount(context);
        if (overview.TotpEnabled) throw FailedPrecondition("La double authentification est déjà activée.");
        var pending = (await account.GetTotpSecrets()).Pending
            ?? throw FailedPrecondition("Commencez par ajouter CarteValoise à votre application d'authentification : la clé n'a pas encore été créée.");
        if (!SecondFactor.LooksLikeTotpCode(request.Code, out _) || totp.Match(pending, request.Code) is not { } step)
            throw WireErrors.InvalidArgument(WrongEnrolmentCode);

        var codes = TotpCodes.NewRecoveryCodes();
        if (!await account.ConfirmTotp(pending, step, [.. codes.Select(TotpCodes.RecoveryCodeHash)]))
            throw WireErrors.InvalidArgument(WrongEnrolmentCode);
        logger.LogInformation("Double authentification activée pour le compte {AccountId}", overview.Account.AccountId);
        var answer = new RecoveryCodes();
        answer.Codes.AddRange(codes);
        return answer;
    }

    public override async Task<DisableTotpReply> DisableTotp(DisableTotpRequest request, ServerCallContext context)
    {
        var (_, account, overview) = await SignedInAccount(context);
        if (overview.LockedUntil is { } locked) throw Throttled(locked);
        if (!PasswordMatches(request.Password, overview.Account))
        {
            if (await account.RecordFailure() is { } lockedNow) throw Throttled(lockedNow);
            throw WireErrors.InvalidArgument("Mot de passe incorrect : la double authentification reste activée.");
        }
        await account.DisableTotp();
        logger.LogInformation("Double authentification désactivée pour le compte {AccountId}", overview.Account.AccountId);
        return new DisableTotpReply();
    }
}
