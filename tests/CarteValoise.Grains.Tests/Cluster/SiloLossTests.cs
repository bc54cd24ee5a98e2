using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;

namespace CarteValoise.Grains.Tests.Cluster;

/// <summary>
/// A box's journal is emptied only once the children, families and school days its taps reached have
/// them on storage, whichever silo died in between.
/// </summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private ThreeSiloCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ThreeSiloCluster.Start();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_silo_of_the_children_families_and_school_day_dies_before_the_checkpoint_and_nothing_acknowledged_is_lost()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        Assert.Equal(5, await lunch.Send());
        Assert.Equal(_cluster.Silos[2].SiloAddress, _cluster.HostOf(lunch.Box));
        Assert.All(lunch.DownstreamHosts(), host => Assert.Equal(_cluster.Silos[1].SiloAddress, host));
        // Seen at once by parents and agents, but only in the memory of the silo about to die.
        Assert.Equal(4000 - 110 - 250 - 250, (await lunch.Family(lunch.FamilyA).GetAccount()).BalanceCents);
        Assert.Empty(_cluster.Persisted<ChildState>("child", lunch.Child(lunch.Lea))!.Taps);
        Assert.Equal([1L, 2, 3, 4, 5], lunch.JournalOnStorage());

        await _cluster.Crash(_cluster.Silos[1]);
        Assert.Equal(5, await lunch.Box.RecoverPendingTaps());

        await lunch.AssertEveryEffectPersistedOnce();
    }

    [Fact]
    public async Task The_journal_stays_while_a_family_cannot_be_written_and_the_next_checkpoint_completes_it()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        await lunch.Send();
        _cluster.Store.FailNextWrite(lunch.Family(lunch.FamilyA).GetGrainId());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => lunch.Box.RecoverPendingTaps());
        // Orleans words the storage's failure its own way around the store's message.
        Assert.StartsWith($"Boîte {lunch.Commune.BoxId} : 3 passage(s) restent au journal, 1 appel(s) n'ont pas abouti : ", failure.Message);
        Assert.Contains($"Panne simulée à l'écriture de {lunch.Family(lunch.FamilyA).GetGrainId()}.", failure.Message);
        Assert.Equal([$"opening-{lunch.FamilyA}"], _cluster.Persisted<FamilyState>("family", lunch.Family(lunch.FamilyA))!.Movements.Select(m => m.OperationId));
        // Léa's and Hugo's taps wait for their family; Inès's reached storage everywhere.
        Assert.Equal([1L, 2, 3], lunch.JournalOnStorage());

        Assert.Equal(3, await lunch.Box.RecoverPendingTaps());

        await lunch.AssertEveryEffectPersistedOnce();
    }

    [Fact]
    public async Task A_family_write_fails_then_its_silo_dies_and_the_next_checkpoint_applies_the_charges_again()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        await lunch.Send();
        _cluster.Store.FailNextWrite(lunch.Family(lunch.FamilyA).GetGrainId());
        await Assert.ThrowsAsync<InvalidOperationException>(() => lunch.Box.RecoverPendingTaps());

        await _cluster.Crash(_cluster.Silos[1]);
        Assert.Equal(3, await lunch.Box.RecoverPendingTaps());

        await lunch.AssertEveryEffectPersistedOnce();
    }

    [Fact]
    public async Task The_silo_of_the_box_grain_dies_and_its_journal_lands_once_from_another_silo()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        await lunch.Send();

        await _cluster.Crash(_cluster.Silos[2]);
        // The box, connected elsewhere, resends what it has not seen acknowledged.
        Assert.Equal(5, await lunch.Send());
        Assert.NotEqual(_cluster.Silos[2].SiloAddress, _cluster.HostOf(lunch.Box));
        Assert.Equal(5, await lunch.Box.RecoverPendingTaps());

        await lunch.AssertEveryEffectPersistedOnce();
    }

    [Fact]
    public async Task A_child_out_of_reach_when_the_batch_arrives_does_not_hold_back_the_acknowledgement_and_the_checkpoint_applies_its_taps()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        _cluster.FailOnce[$"{lunch.Hugo}/{nameof(IChildGrain.RecordTaps)}"] = true;

        Assert.Equal(5, await lunch.Send());
        Assert.Empty(await lunch.Child(lunch.Hugo).GetTaps(LunchAcrossSilos.Day));
        Assert.Equal(5, await lunch.Box.RecoverPendingTaps());

        await lunch.AssertEveryEffectPersistedOnce();
    }

    [Fact]
    public async Task A_checkpoint_writes_each_child_family_and_school_day_once_and_an_empty_one_writes_nothing()
    {
        var lunch = await LunchAcrossSilos.Enrol(_cluster, boxHome: _cluster.Silos[2], childrenHome: _cluster.Silos[1]);
        await lunch.Send();
        var before = _cluster.Store.Writes();

        await lunch.Box.RecoverPendingTaps();
        var afterFirst = _cluster.Store.Writes();
        await lunch.Box.RecoverPendingTaps();

        var written = afterFirst.Where(w => w.Value != before.GetValueOrDefault(w.Key)).ToDictionary(w => w.Key, w => w.Value - before.GetValueOrDefault(w.Key));
        var expected = lunch.Downstream.Append(lunch.Box).ToDictionary(g => g.GetGrainId(), _ => 1);
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), written.OrderBy(w => w.Key.ToString()));
        Assert.Equal(afterFirst, _cluster.Store.Writes());
        await lunch.AssertEveryEffectPersistedOnce();
    }
}
