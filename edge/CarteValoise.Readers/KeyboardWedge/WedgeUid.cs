using System.Globalization;
using CarteValoise.Readers.Configuration;

namespace CarteValoise.Readers.KeyboardWedge;

/// <summary>
/// Turns a line typed by a wedge into the UID as the card sends it, in hexadecimal. Many wedges
/// type the UID as a decimal number, often with the bytes reversed; once converted, the box's
/// UID rule applies as for any reader. A line that does not convert is passed on as typed, so
/// the rule rejects it and logs what the wedge really typed.
/// </summary>
internal static class WedgeUid
{
    private const ulong SevenBytes = (1UL << 56) - 1;

    public static string FromTyped(string typed, WedgeFormat format, WedgeByteOrder order)
    {
        byte[] bytes;
        if (format == WedgeFormat.Decimal)
        {
            if (typed.Length > 20 || !typed.All(char.IsAsciiDigit)
                || !ulong.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number > SevenBytes)
                return typed;
            // The number's size says the UID's: 4 bytes up to 2^32 - 1, else 7.
            bytes = new byte[number <= uint.MaxValue ? 4 : 7];
            for (var i = bytes.Length - 1; i >= 0; i--, number >>= 8) bytes[i] = (byte)number;
        }
        else
        {
            if (order == WedgeByteOrder.BigEndian) return typed;
            try
            {
                bytes = Convert.FromHexString(typed);
            }
            catch (FormatException)
            {
                return typed;
            }
        }
        if (order == WedgeByteOrder.LittleEndian) Array.Reverse(bytes);
        return Convert.ToHexString(bytes);
    }
}
