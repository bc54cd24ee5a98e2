using CarteValoise.Edge.Tests.Readers.Emulation;
using CarteValoise.Readers;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CarteValoise.Edge.Tests.Readers;

public class ReaderOptionsTests
{
    [Fact]
    public void The_defaults_describe_the_wiring_of_the_readme_and_start()
    {
        foreach (var kind in new[] { ReaderKind.Simulated, ReaderKind.Mfrc522, ReaderKind.Pn532 })
            Assert.Empty(new ReaderOptions { Kind = kind }.Problems());
        var options = new ReaderOptions();
        Assert.Equal((0, 0, 25, 1_000_000), (options.Mfrc522.SpiBus, options.Mfrc522.ChipSelect, options.Mfrc522.ResetPin, options.Mfrc522.ClockHz));
        Assert.Equal((Pn532Transport.I2c, 1, 0x24), (options.Pn532.Transport, options.Pn532.I2cBus, options.Pn532.I2cAddress));
    }

    [Fact]
    public void A_keyboard_wedge_needs_its_device()
    {
        Assert.Equal(
            ["Reader:KeyboardWedge:DevicePath manque : le périphérique d'entrée du lecteur, par exemple /dev/input/by-id/usb-…-event-kbd."],
            new ReaderOptions { Kind = ReaderKind.KeyboardWedge }.Problems());
    }

    [Fact]
    public void Wiring_that_cannot_be_right_is_said_plainly()
    {
        var options = new ReaderOptions { Kind = ReaderKind.Mfrc522, PollMilliseconds = 0, Mfrc522 = { ClockHz = 20_000_000, ResetPin = -2 } };
        Assert.Equal(
            [
                "Reader:PollMilliseconds doit être positif (valeur : 0).",
                "Reader:Mfrc522:ResetPin doit être un numéro de GPIO, ou -1 si RST est relié au 3,3 V (valeur : -2).",
                "Reader:Mfrc522:ClockHz doit être entre 1 et 10 000 000 (valeur : 20000000).",
            ],
            options.Problems());
        Assert.Equal(
            ["Reader:Pn532:I2cAddress doit être une adresse I2C sur 7 bits, entre 3 et 119 (0x24 = 36 d'ordinaire) (valeur : 164)."],
            new ReaderOptions { Kind = ReaderKind.Pn532, Pn532 = { I2cAddress = 0xA4 } }.Problems());
        Assert.Equal(
            ["Reader:Pn532:SerialPort manque (par exemple /dev/ttyS0 ou /dev/ttyUSB0)."],
            new ReaderOptions { Kind = ReaderKind.Pn532, Pn532 = { Transport = Pn532Transport.Serial, SerialPort = " " } }.Problems());
        Assert.Equal(
            ["Reader:Simulated:TapsPerSecond doit être positif (valeur : 0)."],
            new ReaderOptions { Simulated = { TapsPerSecond = 0 } }.Problems());
    }

    [Fact]
    public void The_factory_builds_the_reader_the_configuration_names_and_refuses_a_wrong_one()
    {
        var time = new FakeTimeProvider();
        var log = new LogRecorder();
        ICardReader Build(ReaderOptions o) => CardReaderFactory.Create(o, NoCards.Instance, time, log, new Bench());

        Assert.Equal("lecteur simulé", Build(new ReaderOptions()).Name);
        Assert.Equal("lecteur MFRC522 (SPI 0.1, RST non câblé)", Build(new ReaderOptions { Kind = ReaderKind.Mfrc522, Mfrc522 = { ChipSelect = 1, ResetPin = -1 } }).Name);
        Assert.Equal("lecteur PN532 (I2C 1, adresse 0x24)", Build(new ReaderOptions { Kind = ReaderKind.Pn532 }).Name);
        Assert.Equal("lecteur PN532 (SPI 0, SS GPIO 8)", Build(new ReaderOptions { Kind = ReaderKind.Pn532, Pn532 = { Transport = Pn532Transport.Spi } }).Name);
        Assert.Equal("lecteur PN532 (série /dev/ttyS0)", Build(new ReaderOptions { Kind = ReaderKind.Pn532, Pn532 = { Transport = Pn532Transport.Serial } }).Name);
        var wedge = Build(new ReaderOptions { Kind = ReaderKind.KeyboardWedge, KeyboardWedge = { DevicePath = "/dev/input/by-id/usb-x-event-kbd" } });
        Assert.Equal("lecteur clavier USB (/dev/input/by-id/usb-x-event-kbd)", wedge.Name);
        Assert.Equal("démarrage", wedge.Status);

        var refused = Assert.Throws<ArgumentException>(() => Build(new ReaderOptions { Kind = ReaderKind.KeyboardWedge }));
        Assert.StartsWith("Configuration du lecteur invalide : Reader:KeyboardWedge:DevicePath manque", refused.Message);
    }

    [Fact]
    public void The_emulated_cards_compute_crc_a_as_the_standard_does()
    {
        // ISO/IEC 14443-3 annex B: HLTA 50 00 is sent with CRC_A 57 CD.
        Assert.Equal([0x50, 0x00, 0x57, 0xCD], CrcA.Append([0x50, 0x00]));
    }
}
