using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Uplink;

namespace CarteValoise.Edge.Tests.Uplink;

public class BackoffTests
{
    [Fact]
    public void Waits_double_up_to_the_maximum_each_between_half_and_all_of_its_ceiling()
    {
        var backoff = new Backoff(new UplinkOptions { InitialBackoffSeconds = 1, MaxBackoffSeconds = 60, RefusedBackoffSeconds = 300 }, new Random(7));
        double[] ceilings = [1, 2, 4, 8, 16, 32, 60, 60, 60];
        for (var failures = 1; failures <= ceilings.Length; failures++)
        {
            var seconds = new List<double>();
            for (var i = 0; i < 200; i++) seconds.Add(backoff.AfterFailures(failures).TotalSeconds);
            var ceiling = ceilings[failures - 1];
            Assert.All(seconds, s => Assert.InRange(s, ceiling / 2, ceiling));
            // Jittered: the boxes of a whole département cut off together do not come back together.
            Assert.True(seconds.Distinct().Count() > 150, $"après {failures} échecs, délais trop semblables");
            Assert.True(seconds.Max() - seconds.Min() > ceiling / 4, $"après {failures} échecs, délais trop groupés");
        }
        Assert.All(Enumerable.Range(0, 50).Select(_ => backoff.AfterRefusal().TotalSeconds), s => Assert.InRange(s, 150, 300));
    }
}
