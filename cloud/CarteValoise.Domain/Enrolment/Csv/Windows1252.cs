namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// Windows-1252, the encoding of French exports made on Windows: Latin-1 but for 0x80–0x9F,
/// where it puts «€», «œ», the curly apostrophe and quotes. Spelt out here (32 characters) so the
/// domain needs no code-page provider registered globally.
/// </summary>
internal static class Windows1252
{
    private static readonly char[] From80To9F =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static char ToChar(byte value) => value is >= 0x80 and <= 0x9F ? From80To9F[value - 0x80] : (char)value;
}
