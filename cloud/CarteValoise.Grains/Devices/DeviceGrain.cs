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

    public Task<DeviceEnrolment?> Authenticate(string secret)
    {
        var enrolment = state.State.Enrolment;
        return Task.FromResult(enrolment is not null && SecretHash.Matches(secret, enrolment.SecretHash) ? enrolment : null);
    }

    public async Task<long> ApplyTaps(IReadOnlyList<BoxTap> taps)
    {
        var enrolment = state.State.Enrolment ?? throw new InvalidOperationException($"La boîte {this.GetPrimaryKeyString()} n'est pas enrôlée.");
        var durable = state.State.DurableThrough;
        foreach (var tap in taps.OrderBy(t => t.Sequence))
        {
            if (tap.Sequence <= durable) continue; // already applied: a resend after a lost ack
            if (tap.Sequence != durable + 1) break; // a gap: wait for the box to resend in order
            await Apply(enrolment, tap);
            durable = tap.Sequence;
        }

        state.State.DurableThrough = durable;
        state.State.LastSeenAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return durable;
    }

    public Task<DeviceStatus> GetStatus() => Task.FromResult(new DeviceStatus(
        this.GetPrimaryKeyString(), state.State.Enrolment?.SchoolId ?? "", state.State.DurableThrough, state.State.LastSeenAt));

    private async Task Apply(DeviceEnrolment enrolment, BoxTap tap)
    {
        if (tap.Service != BoxServiceKind.Canteen) return; // périscolaire taps come with the next issue
        var holder = await GrainFactory.GetGrain<ICardGrain>(tap.CardUid).GetHolder();
        if (holder is null)
        {
            logger.LogInformation("Boîte {BoxId} : carte inconnue {CardUid} (séquence {Sequence})", enrolment.BoxId, tap.CardUid, tap.Sequence);
            return;
        }
        var tapId = $"{enrolment.BoxId}:{tap.Sequence}";
        await GrainFactory.GetGrain<IChildGrain>(holder.ChildId)
            .RecordCanteenTap(new CanteenTap(tapId, tap.ReadAt, enrolment.SchoolId, tap.Decision == BoxDecision.Accepted));
    }
}
