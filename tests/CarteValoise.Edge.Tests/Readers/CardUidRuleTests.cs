using CarteValoise.Readers.Cards;

namespace CarteValoise.Edge.Tests.Readers;

public class CardUidRuleTests
{
    [Theory]
    [InlineData("04a1b2c3", "04A1B2C3")]
    [InlineData("04:A1:B2:C3", "04A1B2C3")]
    [InlineData(" 04-a1-b2-c3 ", "04A1B2C3")]
    [InlineData("04 11 22 33 44 55 66", "04112233445566")]
    [InlineData("0102030405060708090A", "0102030405060708090A")]
    public void A_uid_of_4_7_or_10_bytes_is_written_one_way(string raw, string expected)
    {
        Assert.True(CardUidRule.TryNormalise(raw, out var uid));
        Assert.Equal(expected, uid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zz")]
    [InlineData("04A1B2")]             // 3 bytes
    [InlineData("04A1B2C3D")]          // odd number of digits
    [InlineData("04A1B2C3D4")]         // 5 bytes
    [InlineData("04A1B2C3G5")]         // not hexadecimal
    [InlineData("0102030405060708090A0B")] // 11 bytes
    [InlineData("04A1\nB2C3")]
    public void Anything_else_is_not_a_card(string? raw)
    {
        Assert.False(CardUidRule.TryNormalise(raw, out var uid));
        Assert.Null(uid);
    }
}
