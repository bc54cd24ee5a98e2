using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

public sealed partial class AccountGrain
{
    public async Task<DateTimeOffset> IssueToken(AccountTokenPurpose purpose, string tokenHash)
    {
        if (State.Account is null) throw new InvalidOperationException($"Le compte {this.GetPrimaryKeyString()} n'existe pas.");
        var now = Now;
        var expiresAt = now + AccountTokens.LifetimeOf(purpose);
        // Spent and expired tokens are kept no longer than their lifetime: a reused link is refused the same way after.
        State.Tokens = [.. State.Tokens.Where(token => token.ExpiresAt > now && token.Hash != tokenHash),
            new IssuedToken(tokenHash, purpose, now, expiresAt, Used: false)];
        await state.WriteStateAsync();
        return expiresAt;
    }

    public async Task<TokenCheck> VerifyEmail(string tokenHash)
    {
        var check = CheckToken(AccountTokenPurpose.EmailVerification, tokenHash);
        if (check != TokenCheck.Usable) return check;
        Spend(tokenHash);
        State.AwaitingVerification = false;
        await state.WriteStateAsync();
        return TokenCheck.Usable;
    }

    public async Task<TokenCheck> ResetPassword(string tokenHash, string newPasswordHash)
    {
        var check = CheckToken(AccountTokenPurpose.PasswordReset, tokenHash);
        if (check != TokenCheck.Usable) return check;
        Spend(tokenHash);
        State.Account = State.Account! with { PasswordHash = newPasswordHash };
        State.PasswordChangedAt = Now;
        State.AwaitingVerification = false;
        State.Sessions = [];
        Keep(Throttle().Succeeded());
        await state.WriteStateAsync();
        return TokenCheck.Usable;
    }

    public async Task<bool> NoteVerificationMail()
    {
        if (!State.AwaitingVerification || !AccountTokens.VerificationMailIsDue(State.LastVerificationMailAt, Now)) return false;
        State.LastVerificationMailAt = Now;
        await state.WriteStateAsync();
        return true;
    }

    private TokenCheck CheckToken(AccountTokenPurpose purpose, string tokenHash)
    {
        if (State.Account is null) return TokenCheck.Unknown;
        var token = State.Tokens.FirstOrDefault(t => t.Hash == tokenHash && t.Purpose == purpose);
        if (token is null) return TokenCheck.Unknown;
        var check = AccountTokens.Check(token.ExpiresAt, token.Used, Now);
        if (check == TokenCheck.Usable && purpose == AccountTokenPurpose.PasswordReset
            && AccountTokens.IsStale(token.IssuedAt, State.PasswordChangedAt))
            return TokenCheck.AlreadyUsed;
        return check;
    }

    private void Spend(string tokenHash) =>
        State.Tokens = [.. State.Tokens.Select(t => t.Hash == tokenHash ? t with { Used = true } : t)];
}
