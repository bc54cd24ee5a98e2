using CarteValoise.Edge.Configuration;
using CarteValoise.Edge.Enrolment;
using CarteValoise.Edge.Tests.Support;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Configuration;

namespace CarteValoise.Edge.Tests.Configuration;

public class BoxSettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void A_box_without_identity_or_cloud_refuses_to_start_and_says_what_is_missing()
    {
        Assert.False(BoxSettings.TryRead(Config(("Box:DataDirectory", _directory.Path)), out _, out var problems));
        Assert.Equal(
            [
                "La box n'a pas d'identité : donnez Box:EnrolmentCode, le code à usage unique créé pour elle dans /Admin (variable d'environnement Box__EnrolmentCode), "
                + "ou Box:Id et Box:Secret (Box__Id, Box__Secret).",
                "Box:CloudAddress manque : l'adresse du cloud, par exemple http://127.0.0.1:5080 (variable d'environnement Box__CloudAddress).",
            ],
            problems);
    }

    [Fact]
    public void An_enrolment_code_or_a_credential_kept_from_an_earlier_enrolment_is_an_identity()
    {
        Assert.True(BoxSettings.TryRead(Config(("Box:EnrolmentCode", "K7P-4QX-93M"), ("Box:CloudAddress", "http://127.0.0.1:5080")), out _, out var problems), string.Join("; ", problems));

        CredentialFile.Write(_directory.Path, new BoxCredential("box-ferry-1", "s3cret", "95127-E1", "École Jules Ferry"));
        Assert.True(BoxSettings.TryRead(Config(("Box:DataDirectory", _directory.Path), ("Box:CloudAddress", "http://127.0.0.1:5080")), out _, out problems), string.Join("; ", problems));
    }

    [Fact]
    public void An_id_without_its_secret_is_refused()
    {
        Assert.False(BoxSettings.TryRead(Config(("Box:Id", "box-ferry-1"), ("Box:EnrolmentCode", "K7P-4QX-93M"), ("Box:CloudAddress", "http://127.0.0.1:5080")), out _, out var problems));
        Assert.Equal(["Box:Secret manque : le secret de la box va avec Box:Id (variable d'environnement Box__Secret)."], problems);
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
        Assert.Equal(FeedbackKind.Console, settings.Feedback.Kind);
    }

    [Fact]
    public void The_shipped_appsettings_give_a_canteen_box_with_console_feedback_and_the_usual_pins()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection([KeyValuePair.Create("Box:EnrolmentCode", (string?)"K7P-4QX-93M"), KeyValuePair.Create("Box:CloudAddress", (string?)"http://127.0.0.1:5080")])
            .Build();
        Assert.True(BoxSettings.TryRead(configuration, out var settings, out var problems), string.Join("; ", problems));
        Assert.Equal(BoxMode.Canteen, settings.Box.Mode);
        Assert.Equal((FeedbackKind.Console, 17, 27, (int?)22, (int?)null, (int?)null),
            (settings.Feedback.Kind, settings.Feedback.GreenLedPin, settings.Feedback.RedLedPin, settings.Feedback.BuzzerPin, settings.Feedback.BuzzerPwmChip, settings.Feedback.BuzzerPwmChannel));
    }

    [Fact]
    public void Care_mode_and_GPIO_pins_are_read_and_wrong_pins_are_refused_clearly()
    {
        Assert.True(BoxSettings.TryRead(Config(
            ("Box:Id", "box-ferry-1"), ("Box:Secret", "s3cret"), ("Box:CloudAddress", "http://127.0.0.1:5080"), ("Box:Mode", "Care"),
            ("Feedback:Kind", "Gpio"), ("Feedback:BuzzerPwmChip", "0"), ("Feedback:BuzzerPwmChannel", "0")), out var settings, out _));
        Assert.Equal(BoxMode.Care, settings.Box.Mode);
        Assert.True(settings.Feedback.UsesPwmBuzzer);

        Assert.False(BoxSettings.TryRead(Config(
            ("Box:Id", "box-ferry-1"), ("Box:Secret", "s3cret"), ("Box:CloudAddress", "127.0.0.1:5080"),
            ("Feedback:Kind", "Gpio"), ("Feedback:GreenLedPin", "27"), ("Feedback:BuzzerPin", "99"), ("Feedback:BuzzerPwmChip", "0")), out _, out var problems));
        Assert.Equal(
            [
                "Box:CloudAddress « 127.0.0.1:5080 » n'est pas une adresse http:// ou https:// complète.",
                "Feedback:BuzzerPin doit être un numéro de GPIO (BCM) entre 0 et 63 (valeur : 99).",
                "Feedback:GreenLedPin et Feedback:RedLedPin utilisent la même broche GPIO 27.",
                "Feedback:BuzzerPwmChip et Feedback:BuzzerPwmChannel vont ensemble : donnez les deux pour un buzzer en PWM, ou aucun.",
            ],
            problems);
    }
}
