using CarteValoise.Domain.Access;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    /// <summary>
    /// Taps that are durable here but whose effects on children, families and school days may not be
    /// persisted yet. Applied again after a crash (every grain below is idempotent on the tap id) and
    /// emptied by the checkpoint once those grains have flushed.
    /// </summary>
    [Id(5)] public List<BoxTap> Journal { get; set; } = [];
    /// <summary>The box's outbox numbering that <see cref="DurableThrough"/> counts in.</summary>
    [Id(6)] public string? OutboxEpoch { get; set; }
}

public sealed class DeviceGrain(
    [PersistentState("device", GrainKeys.StorageName)] IPersistentState<DeviceState> state,
    TimeProvider time,
    IOptions<DeviceJournalOptions> journalOptions,
    ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{    private readonly HashSet<string> _childrenToFlush = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not interleaved with calls: a checkpoint never sees a journal half-applied.
        var every = journalOptions.Value.CheckpointEvery;
        this.RegisterGrainTimer(Checkpoint, new GrainTimerCreationOptions(every, every));
        if (state.State.Journal.Count > 0 && state.State.Enrolment is { } enrolment)
        {
            logger.LogInformation("Boîte {BoxId} : {Count} passage(s) du journal appliqué(s) de nouveau après un redémarrage", enrolment.BoxId, state.State.Journal.Count);
            await ApplyDownstream(enrolment, state.State.Journal);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Checkpoint();

    public async Task<int> RecoverPendingTaps()
    {
        var pending = state.State.Journal.Count;
        await Checkpoint();
        return pending;
    }
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

    public async Task StartSeries(string outboxEpoch)
    {
        if (outboxEpoch.Length == 0 || outboxEpoch == state.State.OutboxEpoch) return;
        if (state.State.OutboxEpoch is { } previous)
        {
            // The journal's taps belong to the old numbering: make them land before the numbers restart.
            await Checkpoint();
            logger.LogWarning("Boîte {BoxId} : nouvelle numérotation ({Epoch}, la précédente {Previous} était durable jusqu'à {Durable}) — données de la boîte effacées ou carte SD remplacée",
                this.GetPrimaryKeyString(), outboxEpoch, previous, state.State.DurableThrough);
            state.State.DurableThrough = 0;
        }
        state.State.OutboxEpoch = outboxEpoch;
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

        // One write makes the batch durable (the acknowledgement); its effects follow in memory and are
        // persisted by the next checkpoint.
        state.State.Journal.AddRange(fresh);
        if (fresh.Count > 0) durable = fresh[^1].Sequence;
        state.State.DurableThrough = durable;
        state.State.LastSeenAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Journal.RemoveRange(state.State.Journal.Count - fresh.Count, fresh.Count);
            state.State.DurableThrough = durable - fresh.Count;
            throw;
        }
        if (fresh.Count > 0) await ApplyDownstream(enrolment, fresh);
        return durable;
    }

    private async Task ApplyDownstream(DeviceEnrolment enrolment, IReadOnlyList<BoxTap> taps)
    {
        // Children are independent: their taps are applied side by side, each child's in order.
        var byChild = await GroupByChild(enrolment, taps);
        await Task.WhenAll(byChild.Select(child => GrainFactory.GetGrain<IChildGrain>(child.Key).RecordTaps(child.Value)));
        _childrenToFlush.UnionWith(byChild.Keys);
    }

    private async Task Checkpoint()
    {
        if (state.State.Journal.Count == 0) return;
        var applied = state.State.Journal.Count;
        var children = _childrenToFlush.ToList();
        // A failed flush keeps the journal: the next checkpoint tries again, and a crash replays it.
        await Task.WhenAll(children.Select(id => GrainFactory.GetGrain<IChildGrain>(id).Flush()));
        _childrenToFlush.ExceptWith(children);
        state.State.Journal.RemoveRange(0, applied);
        await state.WriteStateAsync();
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
            childTaps.Add(new ChildTap(TapId(enrolment, tap), tap.ReadAt, enrolment.SchoolId, tap.Service, tap.Decision == BoxDecision.Accepted));
        }
        return byChild;
    }

    /// <summary>"box:sequence", or "box:epoch:sequence" once the box has named its numbering, so that two series never share an id.</summary>
    private string TapId(DeviceEnrolment enrolment, BoxTap tap) =>
        state.State.OutboxEpoch is { } epoch ? $"{enrolment.BoxId}:{epoch[..Math.Min(8, epoch.Length)]}:{tap.Sequence}" : $"{enrolment.BoxId}:{tap.Sequence}";
}
