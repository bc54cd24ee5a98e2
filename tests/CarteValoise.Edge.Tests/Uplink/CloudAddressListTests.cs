using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Enrolment;
using CarteValoise.Edge.Simulation;
using CarteValoise.Edge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Uplink;

/// <summary>Box:CloudAddress and the simulator's --cloud as a list of silos: read, checked, and used by enrolment.</summary>
public class CloudAddressListTests
{
    private static IConfiguration Config(string cloudAddress) => new ConfigurationBuilder().AddInMemoryCollection(
    [
        KeyValuePair.Create("Box:Id", (string?)"box-ferry-1"),
        KeyValuePair.Create("Box:Secret", (string?)"s3cret"),
        KeyValuePair.Create("Box:CloudAddress", (string?)cloudAddress),
    ]).Build();

    [Fact]
    public void A_list_of_silos_is_read_in_order_with_the_spaces_around_the_commas_ignored()
    {
        Assert.True(BoxSettings.TryRead(Config("http://10.0.0.1:5080, http://10.0.0.2:5080 ,https://carte.example.fr"), out var settings, out var problems),
            string.Join("; ", problems));
        Assert.Equal(["http://10.0.0.1:5080", "http://10.0.0.2:5080", "https://carte.example.fr"], CloudAddresses.Split(settings.Box.CloudAddress));
    }

    [Fact]
    public void A_malformed_or_empty_address_in_the_list_stops_the_box_with_its_place_said_in_French_and_English()
    {
        Assert.False(BoxSettings.TryRead(Config("http://10.0.0.1:5080,,10.0.0.3:5080"), out _, out var problems));
        Assert.Equal(
            [
                "Box:CloudAddress : l'adresse 2 sur 3 est vide (virgule en trop ?) — Box:CloudAddress: address 2 of 3 is empty (a comma too many?).",
                "Box:CloudAddress : l'adresse 3 sur 3, « 10.0.0.3:5080 », n'est pas une adresse http:// ou https:// complète "
                + "— Box:CloudAddress: address 3 of 3, '10.0.0.3:5080', is not a full http:// or https:// address.",
            ],
            problems);
    }

    [Fact]
    public void The_simulator_takes_a_list_of_silos_and_refuses_a_malformed_one_likewise()
    {
        string[] common = ["--boxes", "2", "--taps-per-second", "10", "--duration", "5", "--box-prefix", "bench", "--secret", "s3cret"];
        Assert.True(SimulateOptions.TryParse([.. common, "--cloud", "http://127.0.0.1:5100,http://127.0.0.1:5101"], out var options, out var problems),
            string.Join("; ", problems));
        Assert.Equal("http://127.0.0.1:5100,http://127.0.0.1:5101", options.Cloud);

        Assert.False(SimulateOptions.TryParse([.. common, "--cloud", "http://127.0.0.1:5100,ftp://127.0.0.1:5101"], out _, out problems));
        Assert.Equal(
            [
                "--cloud : l'adresse 2 sur 2, « ftp://127.0.0.1:5101 », n'est pas une adresse http:// ou https:// complète "
                + "— --cloud: address 2 of 2, 'ftp://127.0.0.1:5101', is not a full http:// or https:// address",
            ],
            problems);
    }

    [Fact]
    public async Task Enrolment_goes_to_the_next_silo_at_once_when_the_first_does_not_answer()
    {
        var dead = FailoverTests.DeadAddress();
        await using var cloud = await FakeCloud.StartAsync();
        cloud.Enrolment = _ => new EnrolReply { BoxId = "box-95127-E1-2", Secret = "kq3…secret", SchoolId = "95127-E1", SchoolName = "École élémentaire des Touleuses" };
        var log = new ListLogger<BoxEnrolment>();
        // A clock that never moves: an enrolment that waited a backoff before the second silo would never end.
        var enrolment = new BoxEnrolment($"{dead},{cloud.Address}", new FakeTimeProvider(DateTimeOffset.UtcNow), log);

        var credential = await enrolment.EnrolAsync("K7P-4QX-93M", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(new BoxCredential("box-95127-E1-2", "kq3…secret", "95127-E1", "École élémentaire des Touleuses"), credential);
        Assert.Single(cloud.EnrolRequests);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning).Message;
        Assert.StartsWith($"Enrôlement : le cloud {dead} ne répond pas (Unavailable : ", warning);
        Assert.EndsWith($" ; essai de {cloud.Address} tout de suite.", warning);
    }
}
