using CarteValoise.Domain.Cards;

namespace CarteValoise.Domain.Tests;

public sealed class CardUidTests
{
    [Theory]
    [InlineData("04a2b3c4d5e6f7", "04A2B3C4D5E6F7")]
    [InlineData("04:A2:B3:C4:D5:E6:F7", "04A2B3C4D5E6F7")]
    [InlineData(" de-ad-be-ef ", "DEADBEEF")]
    [InlineData("0102030405060708090A", "0102030405060708090A")]
    public void Readers_spellings_of_one_card_normalise_to_one_uid(string read, string expected) =>
        Assert.Equal(expected, CardUid.Parse(read).Value);

    [Theory]
    [InlineData("")]
    [InlineData("04A2B3")]            // 3 bytes
    [InlineData("04A2B3C4D5")]        // 5 bytes
    [InlineData("04A2B3C4D5E6G7")]    // not hexadecimal
    [InlineData("04A2B3C4D5E6F7\n1")] // trailing garbage from a keyboard-wedge reader
    public void Malformed_uids_are_refused(string read)
    {
        Assert.False(CardUid.TryParse(read, out _));
        var error = Assert.Throws<FormatException>(() => CardUid.Parse(read));
        Assert.Contains("n'est pas un identifiant de carte valide", error.Message);
    }
}
