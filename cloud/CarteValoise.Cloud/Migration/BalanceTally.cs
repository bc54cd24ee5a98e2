using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The sum of every family's balance, each the sum of its account's movements: the figure an
/// operator compares on both sides of a move, since money is what must not change.
/// </summary>
internal sealed class BalanceTally
{
    private long _families;
    private long _cents;

    public long Families => Interlocked.Read(ref _families);

    public long Cents => Interlocked.Read(ref _cents);

    /// <summary>Counts the state if it is a family's; safe from several threads.</summary>
    public void Add(object state)
    {
        if (state is not FamilyState family) return;
        Interlocked.Increment(ref _families);
        Interlocked.Add(ref _cents, family.Movements.Sum(movement => movement.AmountCents));
    }
}
