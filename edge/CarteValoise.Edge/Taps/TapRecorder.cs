using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Roster;
using CarteValoise.Edge.Storage;
using CarteValoise.Readers.Taps;
using LiteDB;

namespace CarteValoise.Edge.Taps;

/// <summary>
/// Decides on a tap and writes it, in one job of the store: the roster lookup, "already served
/// today" (or "checked in"), the new sequence number and the outbox entry are one transaction, so
/// two quick taps of the same child cannot both be accepted and a crash cannot leave a meal marked
/// but not sent. The returned task completes once all of it is on disk — only then may the child
/// get feedback.
/// </summary>
public sealed class TapRecorder(BoxStore store, TapOutbox outbox, BoxMode mode = BoxMode.Canteen)
{
    // Touched only on the store's thread.
    private DateOnly _forgottenBefore;

    public BoxMode Mode => mode;

    public async Task<RecordedTap> RecordAsync(CardTap tap)
    {
        var recorded = await store.WriteAsync(db =>
        {
            var day = ParisDay.Of(tap.ReadAt);
            if (day > _forgottenBefore)
            {
                ServedToday.ForgetBefore(db, day);
                CarePresence.ForgetBefore(db, day);
                _forgottenBefore = day;
            }
            var child = RosterCache.Find(db, tap.CardUid);
            var rosterIsForThatDay = RosterCache.ServiceDateIn(db) == day;
            return mode == BoxMode.Care
                ? RecordCare(db, tap, day, child, rosterIsForThatDay)
                : RecordCanteen(db, tap, day, child, rosterIsForThatDay);
        });
        outbox.Written(new OutboxTap(recorded.Sequence, recorded.CardUid, recorded.ReadAt, recorded.Decision, recorded.Service));
        return recorded;
    }

    private static RecordedTap RecordCanteen(LiteDatabase db, CardTap tap, DateOnly day, RosterChild? child, bool rosterIsForThatDay)
    {
        var served = child is not null && ServedToday.Has(db, day, child.ChildId);
        var decision = TapDecider.Decide(child, rosterIsForThatDay, served);
        var sequence = TapOutbox.Append(db, tap.CardUid, tap.ReadAt, decision, TapService.Canteen);
        if (decision == Decision.Accepted) ServedToday.Mark(db, day, child!.ChildId, sequence);
        return new RecordedTap(sequence, tap.CardUid, tap.ReadAt, decision, child?.FirstName, child?.AllergyPlan ?? false);
    }

    private static RecordedTap RecordCare(LiteDatabase db, CardTap tap, DateOnly day, RosterChild? child, bool rosterIsForThatDay)
    {
        var checkedIn = child is not null && CarePresence.IsIn(db, day, child.ChildId);
        var (decision, service) = TapDecider.DecideCare(child, rosterIsForThatDay, checkedIn);
        var sequence = TapOutbox.Append(db, tap.CardUid, tap.ReadAt, decision, service);
        if (decision == Decision.Accepted) CarePresence.Set(db, day, child!.ChildId, service == TapService.CareCheckIn, sequence);
        return new RecordedTap(sequence, tap.CardUid, tap.ReadAt, decision, child?.FirstName, child?.AllergyPlan ?? false, service);
    }
}
