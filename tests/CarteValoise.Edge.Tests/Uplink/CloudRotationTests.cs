using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Uplink;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>The order in which a box tries the cloud's silos, and when it waits: per round of addresses, never per address.</summary>
public class CloudRotationTests
{
    private static readonly string[] Silos = ["http://10.0.0.1:5080", "http://10.0.0.2:5080", "http://10.0.0.3:5080"];

    private static CloudRotation Rotation(params string[] addresses) =>
        new(addresses, new Backoff(new UplinkOptions { InitialBackoffSeconds = 1, MaxBackoffSeconds = 60, RefusedBackoffSeconds = 300 }, new Random(7)));

    [Fact]
    public void Silos_that_fail_are_left_at_once_for_the_next_and_the_backoff_doubles_once_per_round()
    {
        var rotation = Rotation(Silos);
        Assert.Equal(Silos[0], rotation.Current);
        for (var round = 1; round <= 3; round++)
        {
            Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: false, lasted: false));
            Assert.Equal(Silos[1], rotation.Current);
            Assert.Equal("bascule tout de suite sur http://10.0.0.2:5080", rotation.NextStep(TimeSpan.Zero));
            Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: false, lasted: false));
            Assert.Equal(Silos[2], rotation.Current);
            var ceiling = Math.Pow(2, round - 1);
            Assert.InRange(rotation.AfterBreak(heard: false, lasted: false).TotalSeconds, ceiling / 2, ceiling);
            Assert.Equal(Silos[0], rotation.Current);
        }
        Assert.Equal("nouvel essai avec http://10.0.0.1:5080 dans 1.5 s", rotation.NextStep(TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void A_silo_that_answered_brings_the_wait_back_to_the_first_and_one_that_lasted_starts_a_new_round()
    {
        var rotation = Rotation(Silos);
        for (var i = 0; i < 6; i++) rotation.AfterBreak(heard: false, lasted: false); // two silent rounds

        // Heard but dropped at once (a sick cluster): still a wait at the end of the round, back to the shortest.
        Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: true, lasted: false));
        Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: true, lasted: false));
        Assert.InRange(rotation.AfterBreak(heard: true, lasted: false).TotalSeconds, 0.5, 1);

        // Each silo lost after serving a long while: the next one at once, every time.
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: true, lasted: true));
            Assert.Equal(Silos[(i + 1) % 3], rotation.Current);
        }
    }

    [Fact]
    public void One_address_waits_after_every_failure_as_a_box_always_did()
    {
        var rotation = Rotation(Silos[0]);
        double[] ceilings = [1, 2, 4];
        foreach (var ceiling in ceilings) Assert.InRange(rotation.AfterBreak(heard: false, lasted: false).TotalSeconds, ceiling / 2, ceiling);
        Assert.InRange(rotation.AfterBreak(heard: true, lasted: true).TotalSeconds, 0.5, 1);
        Assert.Equal(Silos[0], rotation.Current);
        Assert.Equal("nouvel essai dans 0.8 s", rotation.NextStep(TimeSpan.FromSeconds(0.75)));
    }

    [Fact]
    public void A_refusal_waits_the_long_refusal_delay_then_asks_the_next_silo_and_starts_the_backoff_again()
    {
        var rotation = Rotation(Silos);
        for (var i = 0; i < 6; i++) rotation.AfterBreak(heard: false, lasted: false);
        Assert.InRange(rotation.AfterRefusal().TotalSeconds, 150, 300);
        Assert.Equal(Silos[1], rotation.Current);
        Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: false, lasted: false));
        Assert.Equal(TimeSpan.Zero, rotation.AfterBreak(heard: false, lasted: false));
        Assert.InRange(rotation.AfterBreak(heard: false, lasted: false).TotalSeconds, 0.5, 1);
    }
}
