using CarteValoise.Edge.Configuration;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Configuration;

namespace CarteValoise.Edge.Tests.Configuration;

public class BoxSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void A_box_without_identity_or_cloud_refuses_to_start_and_says_what_is_missing()
    {
        Assert.False(BoxSettings.TryRead(Config(), out _, out var problems));
        Assert.Equal(
            [
                "Box:Id manque : l'identifiant de la box, reçu à l'enrôlement (variable d'environnement Box__Id).",
                "Box:Secret manque : le secret de la box, reçu à l'enrôlement (variable d'environnement Box__Secret).",
                "Box:CloudAddress manque : l'adresse du cloud, par exemple http://127.0.0.1:5080 (variable d'environnement Box__CloudAddress).",
            ],
            problems);
    }

    [Fact]
    public void A_complete_configuration_is_read_with_the_defaults_of_a_school()
    {
        Assert.True(BoxSettings.TryRead(Config(
            ("Box:Id", "box-ferry-1"), ("Box:Secret", "s3cret"), ("Box:CloudAddress", "http://127.0.0.1:5080"), ("Box:SchoolId", "95127-ferry"),
            ("Reader:Kind", "Simulated"), ("Reader:Simulated:TapsPerSecond", "2.5"),
            ("Reader:Simulated:CardUids:0", "04A1B2C3"), ("Reader:Simulated:CardUids:1", "04D4E5F6")), out var settings, out var problems));
        Assert.Empty(problems);
        Assert.Equal("box-ferry-1", settings.Box.Id);
        Assert.Equal("./data/box", settings.Box.DataDirectory);
        Assert.Equal(BoxMode.Canteen, settings.Box.Mode);
        Assert.Equal(2, settings.Box.DebounceSeconds);
        Assert.Equal(30, settings.Box.Uplink.HeartbeatSeconds);
        Assert.Equal(ReaderKind.Simulated, settings.Reader.Kind);
        Assert.Equal(2.5, settings.Reader.Simulated.TapsPerSecond);
        Assert.Equal(["04A1B2C3", "04D4E5F6"], settings.Reader.Simulated.CardUids);
    }

    [Fact]
    public void A_reader_this_version_cannot_drive_and_a_wrong_address_are_refused_clearly()
    {
        Assert.False(BoxSettings.TryRead(Config(
            ("Box:Id", "box-ferry-1"), ("Box:Secret", "s3cret"), ("Box:CloudAddress", "127.0.0.1:5080"), ("Reader:Kind", "Mfrc522")), out _, out var problems));
        Assert.Equal(
            [
                "Box:CloudAddress « 127.0.0.1:5080 » n'est pas une adresse http:// ou https:// complète.",
                "Reader:Kind « Mfrc522 » n'est pas encore pris en charge par cette version ; seul Simulated l'est.",
            ],
            problems);
    }
}
