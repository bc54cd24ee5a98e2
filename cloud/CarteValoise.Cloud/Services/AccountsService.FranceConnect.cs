using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Identity.FranceConnect;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Accounts;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Identity;
using Grpc.Core;

namespace CarteValoise.Cloud.Services;

/// <summary>
/// FranceConnect: the verifier checks what the portal brought back; the subject then signs in to
/// the account it is linked to, or is linked to the signed-in account that asks for it, or opens a
/// new verified parent account — never one whose address already has an account, whose owner must
/// sign in with their password and link FranceConnect themselves. FranceConnect vouches for the
/// person, so the account's own second factor is not asked again.
/// </summary>
public sealed partial class AccountsService
{
    public override async Task<Session> SignInWithFranceConnect(FranceConnectSignInRequest request, ServerCallContext context)
    {
        var verifier = franceConnect.FirstOrDefault(v => v.IsConfigured) ?? throw FailedPrecondition("FranceConnect n'est pas configuré.");
        FranceConnectIdentity person;
        try
        {
            person = await verifier.VerifyAsync(request.IdToken, request.AccessToken, request.Nonce, context.CancellationToken);
        }
        catch (FranceConnectRefusedException refused)
        {
            logger.LogWarning("FranceConnect refusé : {Reason}", refused.Message);
            throw Refused(refused.Message);
        }

        var subject = grains.GetGrain<IFranceConnectSubjectGrain>(person.Subject);
        if (await subject.GetAccount() is { } linked)
        {
            var account = await Account(linked).Get()
                ?? throw new RpcException(new Status(StatusCode.Internal, "Le compte lié à cette identité FranceConnect est introuvable."));
            return await OpenFranceConnectSession(account, request);
        }

        if (request.LinkToCurrentAccount && callers.Find(context) is { } caller && await SessionCheckInterceptor.IsOpenAsync(grains, caller)
            && !SessionCheckInterceptor.IsStateless(caller))
            return await LinkToSignedInAccount(caller, person.Subject, subject, request);

        var email = Registration.NormaliseEmail(person.Email);
        if (!ContactDetails.IsEmail(email))
            throw FailedPrecondition("FranceConnect n'a pas transmis d'adresse électronique valable : créez votre compte avec votre adresse et un mot de passe.");
        var alreadyThere = FailedPrecondition(
            $"Un compte existe déjà pour {email} : connectez-vous avec votre mot de passe, puis liez FranceConnect depuis « Mon compte ».");
        if (await Account(email).Get() is not null) throw alreadyThere;

        var record = new AccountRecord(email, email, DisplayNameOf(person), PasswordHash: "", CallerRole.Parent, [], null);
        if (!await Account(email).CreateFromFranceConnect(record, person.Subject)) throw alreadyThere;
        var owner = await subject.Link(email);
        logger.LogInformation("Compte {AccountId} ouvert par FranceConnect", email);
        return await OpenFranceConnectSession(owner == email ? record : (await Account(owner).Get())!, request);
    }

    private async Task<Session> LinkToSignedInAccount(Caller caller, string subjectId, IFranceConnectSubjectGrain subject, FranceConnectSignInRequest request)
    {
        var account = Account(caller.AccountId);
        var overview = await account.GetOverview() ?? throw Refused(SessionRules.Ended);
        if (overview.FranceConnectSubject is { } other && other != subjectId)
            throw FailedPrecondition("Votre compte est déjà lié à une autre identité FranceConnect.");
        if (await subject.Link(caller.AccountId) != caller.AccountId)
            throw FailedPrecondition("Cette identité FranceConnect est déjà liée à un autre compte.");
        await account.LinkFranceConnect(subjectId);
        logger.LogInformation("FranceConnect lié au compte {AccountId}", caller.AccountId);
        return await OpenFranceConnectSession(overview.Account, request);
    }

    private async Task<Session> OpenFranceConnectSession(AccountRecord account, FranceConnectSignInRequest request)
    {
        var session = await OpenSession(CallerOf(account), SessionLifetime, SessionRules.ByFranceConnect, request.Client);
        session.FranceconnectIdToken = request.IdToken;
        return session;
    }

    /// <summary>«Camille Martin»: the usage name when FranceConnect gives one, the birth name otherwise.</summary>
    private static string DisplayNameOf(FranceConnectIdentity person)
    {
        var familyName = string.IsNullOrWhiteSpace(person.PreferredUsername) ? person.FamilyName : person.PreferredUsername;
        return $"{person.GivenName.Trim()} {familyName.Trim()}".Trim();
    }
}
