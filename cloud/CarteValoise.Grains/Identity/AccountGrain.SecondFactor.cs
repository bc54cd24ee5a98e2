using CarteValoise.Domain.Accounts;

namespace CarteValoise.Grains.Identity;

public sealed partial class AccountGrain
{
    public async Task<bool> BeginTotp(string secret)
    {
        if (State.Account is null || State.TotpSecret is not null) return false;
        State.PendingTotpSecret = secret;
        await state.WriteStateAsync();
        return true;
    }

    public Task<TotpSecrets> GetTotpSecrets() => Task.FromResult(new TotpSecrets(State.TotpSecret, State.PendingTotpSecret));

    public async Task<bool> ConfirmTotp(string secret, long matchedStep, IReadOnlyList<string> recoveryCodeHashes)
    {
        if (State.PendingTotpSecret != secret || State.TotpSecret is not null || !SecondFactor.IsFreshStep(matchedStep, State.LastTotpStep)) return false;
        State.TotpSecret = secret;
        State.PendingTotpSecret = null;
        State.LastTotpStep = matchedStep;
        State.RecoveryCodeHashes = [.. recoveryCodeHashes];
        await state.WriteStateAsync();
        return true;
    }

    public async Task DisableTotp()
    {
        if (State.TotpSecret is null && State.PendingTotpSecret is null) return;
        State.TotpSecret = null;
        State.PendingTotpSecret = null;
        State.RecoveryCodeHashes = [];
        await state.WriteStateAsync();
    }

    public async Task<SecondFactorOutcome> CompleteSecondFactor(string challengeHash, SecondFactorProof proof, SessionRecord session)
    {
        var now = Now;
        if (LockedUntil() is { } locked) return new SecondFactorOutcome(SecondFactorResult.Locked, locked);
        if (CheckToken(AccountTokenPurpose.SecondFactor, challengeHash) != TokenCheck.Usable)
            return new SecondFactorOutcome(SecondFactorResult.ChallengeRefused, null);

        if (proof.TotpStep is { } step && proof.TotpSecret is not null && proof.TotpSecret == State.TotpSecret
            && SecondFactor.IsFreshStep(step, State.LastTotpStep))
        {
            State.LastTotpStep = step;
        }
        else if (proof.RecoveryCodeHash is { } recovery && State.TotpSecret is not null && State.RecoveryCodeHashes.Contains(recovery))
        {
            State.RecoveryCodeHashes = [.. State.RecoveryCodeHashes.Where(hash => hash != recovery)];
        }
        else
        {
            var throttle = Throttle().Failed(now);
            Keep(throttle);
            await state.WriteStateAsync();
            return throttle.IsLocked(now)
                ? new SecondFactorOutcome(SecondFactorResult.Locked, throttle.LockedUntil)
                : new SecondFactorOutcome(SecondFactorResult.WrongCode, null);
        }

        Spend(challengeHash);
        List(session);
        await state.WriteStateAsync();
        return new SecondFactorOutcome(SecondFactorResult.Completed, null);
    }
}
