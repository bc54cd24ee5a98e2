using System.Globalization;

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>Sizes as the cloud writes them in its messages: «820 octets», «12 Ko», «1,5 Mo» (1 Mo = 1 024 Ko).</summary>
public static class FrenchSize
{
    public static string Of(long bytes)
    {
        if (bytes < 1024) return bytes == 1 ? "1 octet" : $"{bytes.ToString(CultureInfo.InvariantCulture)} octets";
        if (bytes < 1024 * 1024) return $"{Math.Ceiling(bytes / 1024d).ToString("0", CultureInfo.InvariantCulture)} Ko";
        var megabytes = Math.Round(bytes / (1024d * 1024d), 1, MidpointRounding.AwayFromZero);
        return megabytes.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " Mo";
    }
}
