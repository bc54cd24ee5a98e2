using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>What a reader box prints once a tap is on its disk: `TAP seq=.. uid=.. at=.. decision=..`.</summary>
public sealed partial record TapLine(long Sequence, string CardUid, DateTimeOffset ReadAt, string Decision)
{
    public static TapLine? TryParse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success) return null;
        return new TapLine(
            long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture),
            match.Groups["uid"].Value,
            DateTimeOffset.Parse(match.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            match.Groups["decision"].Value);
    }

    public static long? TryParseAck(string line)
    {
        var match = AckPattern().Match(line);
        return match.Success ? long.Parse(match.Groups["through"].Value, CultureInfo.InvariantCulture) : null;
    }

    public override string ToString() => $"seq={Sequence} uid={CardUid} at={ReadAt.UtcDateTime:O} decision={Decision}";

    [GeneratedRegex(@"\bTAP seq=(?<seq>\d+) uid=(?<uid>\S+) at=(?<at>\S+) decision=(?<decision>\w+)")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\bACK through=(?<through>\d+)\b")]
    private static partial Regex AckPattern();
}
