using CarteValoise.Domain.Access;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;
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
    /// persisted yet. Applied again after a crash (every grain below is idempotent on the tap id), and
    /// left by a tap only once the checkpoint has had its child, family and school day apply it again
    /// and answer with their state on storage.
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
{
    // Where each journal tap goes (null: a card nobody holds), worked out once so that the checkpoint
    // hands the children what they were first given. By sequence number: the journal holds one
    // numbering at a time, a new one starting only once it is empty.
    private readonly Dictionary<long, RoutedTap?> _routes = [];

    private sealed record RoutedTap(string ChildId, ChildTap Tap);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Not interleaved with calls: a checkpoint never sees a journal half-applied.
        var every = journalOptions.Value.CheckpointEvery;
        this.RegisterGrainTimer(CheckpointOnTimer, new GrainTimerCreationOptions(every, every));
        if (state.State.Journal.Count > 0 && state.State.Enrolment is { } enrolment)
        {
            logger.LogInformation("Boîte {BoxId} : {Count} passage(s) du journal appliqué(s) de nouveau après un redémarrage", enrolment.BoxId, state.State.Journal.Count);
            await ApplyInMemory(enrolment, state.State.Journal);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await Checkpoint();
        }
        catch (Exception e)
        {
            // The journal is durable: the next activation applies what is left.
            logger.LogWarning("Boîte {BoxId} : désactivée avec {Count} passage(s) au journal — {Reason}", this.GetPrimaryKeyString(), state.State.Journal.Count, e.Message);
        }
    }

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
        // The journal's taps are named after the numbering they came in (tap ids, sequence numbers):
        // they land before it changes, or the box is told no and says Hello again.
        await Checkpoint();
        if (state.State.OutboxEpoch is { } previous)
        {
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
        if (fresh.Count > 0) await ApplyInMemory(enrolment, fresh);
        return durable;
    }

    /// <summary>What parents and agents see within the second; the checkpoint, not this, makes it last.</summary>
    private async Task ApplyInMemory(DeviceEnrolment enrolment, IReadOnlyList<BoxTap> taps)
    {
        try
        {
            // Children are independent: their taps are applied side by side, each child's in order.
            var byChild = ByChild(await Route(enrolment, taps));
            await Task.WhenAll(byChild.Select(child => GrainFactory.GetGrain<IChildGrain>(child.Key).RecordTaps(child.Value)));
        }
        catch (Exception e)
        {
            // Acknowledged all the same: the taps are in the journal, which the next checkpoint applies.
            logger.LogWarning("Boîte {BoxId} : {Count} passage(s) au journal pas encore montrés, le prochain point de contrôle les applique — {Reason}", enrolment.BoxId, taps.Count, e.Message);
        }
    }

    private async Task CheckpointOnTimer()
    {
        try
        {
            await Checkpoint();
        }
        catch (Exception e)
        {
            logger.LogWarning("Boîte {BoxId} : point de contrôle incomplet, {Count} passage(s) restent au journal pour le suivant — {Reason}", this.GetPrimaryKeyString(), state.State.Journal.Count, e.Message);
        }
    }

    /// <summary>
    /// Has every journal tap's child, family and school day apply it again and answer with their state
    /// on storage, then lets the journal go of the taps that fully landed — whatever activation died
    /// since the taps were first applied, a fresh one applies them again before it writes. One write
    /// per child, per family, per school day and for the journal. Throws when some taps stay.
    /// </summary>
    private async Task Checkpoint()
    {
        if (state.State.Journal.Count == 0) return;
        var enrolment = state.State.Enrolment ?? throw new InvalidOperationException($"La boîte {this.GetPrimaryKeyString()} n'est pas enrôlée.");
        var routes = await Route(enrolment, state.State.Journal);

        // The children first: each answers what its family and its school days must hold.
        var childCalls = ByChild(routes).ToDictionary(child => child.Key, child => GrainFactory.GetGrain<IChildGrain>(child.Key).RecordTapsDurably(child.Value));
        await Settled(childCalls.Values);
        var effects = childCalls.Where(call => call.Value.IsCompletedSuccessfully).ToDictionary(call => call.Key, call => call.Value.Result);
        // Then one call per family and per school day, whichever children of this box they gather.
        var familyCalls = effects.Values.GroupBy(e => e.FamilyId).Where(family => family.Any(e => e.Charges.Count > 0))
            .ToDictionary(family => family.Key, family => GrainFactory.GetGrain<IFamilyGrain>(family.Key).ChargeServicesDurably(family.SelectMany(e => e.Charges).ToList()));
        var schoolDayCalls = effects.Values.SelectMany(e => e.Meals).GroupBy(meal => meal.SchoolDayId)
            .ToDictionary(day => day.Key, day => GrainFactory.GetGrain<ISchoolDayGrain>(day.Key).RecordMealsDurably(day.ToList()));
        await Settled(familyCalls.Values.Concat(schoolDayCalls.Values));

        var landed = effects
            .Where(child => (!familyCalls.TryGetValue(child.Value.FamilyId, out var family) || family.IsCompletedSuccessfully)
                && child.Value.Meals.All(meal => schoolDayCalls[meal.SchoolDayId].IsCompletedSuccessfully))
            .Select(child => child.Key)
            .ToHashSet();
        var done = routes.Where(r => r.Route is null || landed.Contains(r.Route.ChildId)).Select(r => r.Tap.Sequence).ToHashSet();
        if (done.Count > 0)
        {
            state.State.Journal.RemoveAll(tap => done.Contains(tap.Sequence));
            foreach (var sequence in done) _routes.Remove(sequence);
            await state.WriteStateAsync();
        }

        var failures = childCalls.Values.Cast<Task>().Concat(familyCalls.Values).Concat(schoolDayCalls.Values)
            .Where(call => !call.IsCompletedSuccessfully)
            .Select(call => call.Exception?.GetBaseException() ?? new TaskCanceledException(call))
            .ToList();
        if (failures.Count > 0)
            throw new InvalidOperationException(
                $"Boîte {enrolment.BoxId} : {state.State.Journal.Count} passage(s) restent au journal, {failures.Count} appel(s) n'ont pas abouti : {string.Join(" ; ", failures.Select(f => f.Message).Distinct())}",
                failures[0]);
    }

    /// <summary>Waits for every call, failed or not: each one's outcome is read from its task.</summary>
    private static async Task Settled(IEnumerable<Task> calls)
    {
        try
        {
            await Task.WhenAll(calls);
        }
        catch
        {
            // Read per call by the caller.
        }
    }

    private static Dictionary<string, List<ChildTap>> ByChild(IEnumerable<(BoxTap Tap, RoutedTap? Route)> routes) =>
        routes.Where(r => r.Route is not null)
            .GroupBy(r => r.Route!.ChildId)
            .ToDictionary(child => child.Key, child => child.Select(r => r.Route!.Tap).ToList());

    private async Task<List<(BoxTap Tap, RoutedTap? Route)>> Route(DeviceEnrolment enrolment, IReadOnlyList<BoxTap> taps)
    {
        var unrouted = taps.Where(t => !_routes.ContainsKey(t.Sequence)).ToList();
        if (unrouted.Count > 0)
        {
            var uids = unrouted.Select(t => t.CardUid).Distinct().ToList();
            var holders = await Task.WhenAll(uids.Select(uid => GrainFactory.GetGrain<ICardGrain>(uid).GetHolder()));
            var holderOf = uids.Zip(holders).ToDictionary(pair => pair.First, pair => pair.Second);
            foreach (var tap in unrouted)
            {
                if (holderOf[tap.CardUid] is not { } holder)
                {
                    logger.LogInformation("Boîte {BoxId} : carte inconnue {CardUid} (séquence {Sequence})", enrolment.BoxId, tap.CardUid, tap.Sequence);
                    _routes[tap.Sequence] = null;
                    continue;
                }
                _routes[tap.Sequence] = new RoutedTap(holder.ChildId,
                    new ChildTap(TapId(enrolment, tap), tap.ReadAt, enrolment.SchoolId, tap.Service, tap.Decision == BoxDecision.Accepted));
            }
        }
        return taps.Select(tap => (tap, _routes[tap.Sequence])).ToList();
    }

    public Task<DeviceStatus> GetStatus() => Task.FromResult(new DeviceStatus(
        this.GetPrimaryKeyString(), state.State.Enrolment?.SchoolId ?? "", state.State.DurableThrough, state.State.LastSeenAt,
        state.State.Label, state.State.Enrolment is { SecretHash.Length: > 0 }, state.State.LastHeartbeat));

    /// <summary>"box:sequence", or "box:epoch:sequence" once the box has named its numbering, so that two series never share an id.</summary>
    private string TapId(DeviceEnrolment enrolment, BoxTap tap) =>
        state.State.OutboxEpoch is { } epoch ? $"{enrolment.BoxId}:{epoch[..Math.Min(8, epoch.Length)]}:{tap.Sequence}" : $"{enrolment.BoxId}:{tap.Sequence}";
}
