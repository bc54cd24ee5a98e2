using CarteValoise.Domain.Access;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Grains.Devices;

[GenerateSerializer]
public sealed class DeviceState
{
    [Id(0)] public DeviceEnrolment? Enrolment { get; set; }
    /// <summary>Every tap of this box up to this sequence number is applied and durable.</summary>
    [Id(1)] public long DurableThrough { get; set; }
    [Id(2)] public DateTimeOffset? LastSeenAt { get; set; }
    [Id(3)] public string Label { get; set; } = "";
    [Id(4)] public BoxHeartbeat? LastHeartbeat { get; set; }
}

public sealed class DeviceGrain(
    [PersistentState("device", GrainKeys.StorageName)] IPersistentState<DeviceState> state,
    TimeProvider time,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    public async Task Enrol(DeviceEnrolment enrolment)
    {
        if (state.State.Enrolment == enrolment) return;
        state.State.Enrolment = enrolment;
        await state.WriteStateAsync();
    }

    public async Task Create(DeviceEnrolment pending, string label)
    {
        if (state.State.Enrolment is not null) throw new InvalidOperationException($"La boîte {pending.BoxId} existe déjà.");
        state.State.Enrolment = pending with { SecretHash = "" };
        state.State.Label = label;
        await state.WriteStateAsync();
    }

    public async Task<DeviceEnrolment> CompleteEnrolment(string secretHash)
    {
        var enrolment = state.State.Enrolment ?? throw new InvalidOperationException($"La boîte {this.GetPrimaryKeyString()} n'existe pas.");
        state.State.Enrolment = enrolment with { SecretHash = secretHash };
        await state.WriteStateAsync();
        return state.State.Enrolment;
    }

    public async Task RecordHeartbeat(BoxHeartbeat heartbeat)
    {
        state.State.LastHeartbeat = heartbeat;
        state.State.LastSeenAt = heartbeat.ReceivedAt;
        await state.WriteStateAsync();
    }

    public Task<DeviceEnrolment?> Authenticate(string secret)
    {
        var enrolment = state.State.Enrolment;
        // A box created but not yet enrolled has no secret: nothing matches it.
        var valid = enrolment is not null && enrolment.SecretHash.Length > 0 && SecretHash.Matches(secret, enrolment.SecretHash);
        return Task.FromResult(valid ? enrolment : null);
    }

    public async Task<long> ApplyTaps(IReadOnlyList<BoxTap> taps)
    {
        var enrolment = state.State.Enrolment ?? throw new InvalidOperationException($"La boîte {this.GetPrimaryKeyString()} n'est pas enrôlée.");
        var durable = state.State.DurableThrough;
        var fresh = new List<BoxTap>();
        foreach (var tap in taps.OrderBy(t => t.Sequence))
        {
            if (tap.Sequence <= durable + fresh.Count) continue; // already applied (a resend after a lost ack), or repeated in the batch
            if (tap.Sequence != durable + fresh.Count + 1) break; // a gap: wait for the box to resend in order
            fresh.Add(tap);
        }

        if (fresh.Count > 0)
        {
            // Children are independent: their taps are applied side by side, each child's in order,
            // so that the storage writes of a batch share group commits instead of queueing one by one.
            var byChild = await GroupByChild(enrolment, fresh);
            await Task.WhenAll(byChild.Select(child => GrainFactory.GetGrain<IChildGrain>(child.Key).RecordTaps(child.Value)));
            durable = fresh[^1].Sequence;
        }

        state.State.DurableThrough = durable;
        state.State.LastSeenAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return durable;
    }

    public Task<DeviceStatus> GetStatus() => Task.FromResult(new DeviceStatus(
        this.GetPrimaryKeyString(), state.State.Enrolment?.SchoolId ?? "", state.State.DurableThrough, state.State.LastSeenAt,
        state.State.Label, state.State.Enrolment is { SecretHash.Length: > 0 }, state.State.LastHeartbeat));

    private async Task<Dictionary<string, List<ChildTap>>> GroupByChild(DeviceEnrolment enrolment, IReadOnlyList<BoxTap> taps)
    {
        var uids = taps.Select(t => t.CardUid).Distinct().ToList();
        var holders = await Task.WhenAll(uids.Select(uid => GrainFactory.GetGrain<ICardGrain>(uid).GetHolder()));
        var holderOf = uids.Zip(holders).ToDictionary(pair => pair.First, pair => pair.Second);
        var byChild = new Dictionary<string, List<ChildTap>>();
        foreach (var tap in taps)
        {
            if (holderOf[tap.CardUid] is not { } holder)
            {
                logger.LogInformation("Boîte {BoxId} : carte inconnue {CardUid} (séquence {Sequence})", enrolment.BoxId, tap.CardUid, tap.Sequence);
                continue;
            }
            if (!byChild.TryGetValue(holder.ChildId, out var childTaps)) byChild[holder.ChildId] = childTaps = [];
            childTaps.Add(new ChildTap($"{enrolment.BoxId}:{tap.Sequence}", tap.ReadAt, enrolment.SchoolId, ServiceOf(tap.Service), tap.Decision == BoxDecision.Accepted));
        }
        return byChild;
    }

    private static TapService ServiceOf(BoxServiceKind kind) => kind switch
    {
        BoxServiceKind.CareCheckIn => TapService.CareCheckIn,
        BoxServiceKind.CareCheckOut => TapService.CareCheckOut,
        _ => TapService.Canteen,
    };
}
