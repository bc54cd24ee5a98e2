using CarteValoise.Readers.Configuration;
using CarteValoise.Readers.KeyboardWedge;

namespace CarteValoise.Edge.Tests.Readers;

public class WedgeUidTests
{
    [Theory]
    [InlineData("04A1B2C3", WedgeFormat.Hex, WedgeByteOrder.BigEndian, "04A1B2C3")]
    [InlineData("C3B2A104", WedgeFormat.Hex, WedgeByteOrder.LittleEndian, "04A1B2C3")]
    [InlineData("80593CB12A6F04", WedgeFormat.Hex, WedgeByteOrder.LittleEndian, "046F2AB13C5980")]
    [InlineData("0077771396", WedgeFormat.Decimal, WedgeByteOrder.BigEndian, "04A2B284")]
    [InlineData("3283263748", WedgeFormat.Decimal, WedgeByteOrder.LittleEndian, "04A1B2C3")]
    [InlineData("1252669418414720", WedgeFormat.Decimal, WedgeByteOrder.BigEndian, "04734BD3B4A280")]
    [InlineData("0", WedgeFormat.Decimal, WedgeByteOrder.BigEndian, "00000000")]
    public void A_typed_uid_becomes_the_uid_the_card_sends(string typed, WedgeFormat format, WedgeByteOrder order, string expected) =>
        Assert.Equal(expected, WedgeUid.FromTyped(typed, format, order));

    [Theory]
    [InlineData("04A1?B2C3", WedgeFormat.Hex, WedgeByteOrder.LittleEndian)]
    [InlineData("04A1B2C", WedgeFormat.Hex, WedgeByteOrder.LittleEndian)]
    [InlineData("04A1B2C3", WedgeFormat.Decimal, WedgeByteOrder.BigEndian)]
    [InlineData("72057594037927936", WedgeFormat.Decimal, WedgeByteOrder.BigEndian)] // 2^56: more than 7 bytes
    [InlineData("99999999999999999999999", WedgeFormat.Decimal, WedgeByteOrder.LittleEndian)]
    public void What_does_not_convert_is_passed_on_as_typed_for_the_uid_rule_to_reject(string typed, WedgeFormat format, WedgeByteOrder order) =>
        Assert.Equal(typed, WedgeUid.FromTyped(typed, format, order));
}
