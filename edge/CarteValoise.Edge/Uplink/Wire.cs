using System.Reflection;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Roster;
using CarteValoise.Readers.Cards;
using Google.Protobuf.WellKnownTypes;
using ContractDecision = CarteValoise.Contracts.EdgeSync.TapDecision;

namespace CarteValoise.Edge.Uplink;

/// <summary>Between the box's terms and carte.v1's.</summary>
public static class Wire
{
    public static readonly string SoftwareVersion =
        typeof(Wire).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Wire).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static Tap ToWire(OutboxTap tap) => new()
    {
        Sequence = tap.Sequence,
        CardUid = tap.CardUid,
        ReadAt = Timestamp.FromDateTimeOffset(tap.ReadAt),
        Decision = tap.Decision switch
        {
            Decision.Accepted => ContractDecision.Accepted,
            Decision.AlreadyServed => ContractDecision.AlreadyServed,
            Decision.NotExpected => ContractDecision.NotExpected,
            Decision.UnknownCard => ContractDecision.UnknownCard,
            Decision.BlockedCard => ContractDecision.BlockedCard,
            _ => ContractDecision.Unspecified,
        },
        Service = tap.Service switch
        {
            TapService.Canteen => ServiceKind.Canteen,
            TapService.CareCheckIn => ServiceKind.CareCheckIn,
            TapService.CareCheckOut => ServiceKind.CareCheckOut,
            _ => ServiceKind.Unspecified,
        },
    };

    /// <summary>
    /// The box's terms of a roster delta. Entries whose UID breaks the card rule are left out and
    /// listed in <paramref name="rejected"/>; an empty (or unreadable) service date means the day it arrives.
    /// </summary>
    public static RosterUpdate FromWire(RosterDelta delta, DateOnly today, out IReadOnlyList<string> rejected)
    {
        var bad = new List<string>();
        var upserts = new List<RosterChild>(delta.Upserts.Count);
        foreach (var entry in delta.Upserts)
        {
            if (!CardUidRule.TryNormalise(entry.CardUid, out var uid))
            {
                bad.Add(entry.CardUid);
                continue;
            }
            upserts.Add(new RosterChild(uid, entry.ChildId, entry.FirstName, entry.CanteenToday, entry.AllergyPlan, entry.Blocked, entry.CareToday));
        }
        var removed = new List<string>(delta.RemovedCardUids.Count);
        foreach (var raw in delta.RemovedCardUids)
        {
            if (CardUidRule.TryNormalise(raw, out var uid)) removed.Add(uid);
            else bad.Add(raw);
        }
        var serviceDate = today;
        if (!string.IsNullOrWhiteSpace(delta.ServiceDate) && !ParisDay.TryParse(delta.ServiceDate, out serviceDate))
        {
            bad.Add($"service_date={delta.ServiceDate}");
            serviceDate = today;
        }
        rejected = bad;
        return new RosterUpdate(delta.Version, delta.Full, upserts, removed, delta.SchoolName, serviceDate);
    }
}
