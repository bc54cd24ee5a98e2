using System.Globalization;

namespace CarteValoise.Domain.Documents;

/// <summary>Sizes as a French reader reads them: «820 octets», «12 Ko», «1,5 Mo», «100 Mo» (1 Mo = 1 024 Ko).</summary>
public static class ByteSize
{
    public const long Kilobyte = 1024;
    public const long Megabyte = 1024 * 1024;

    public static string French(long bytes)
    {
        if (bytes < Kilobyte) return bytes == 1 ? "1 octet" : $"{bytes.ToString(CultureInfo.InvariantCulture)} octets";
        if (bytes < Megabyte) return $"{Math.Ceiling(bytes / (double)Kilobyte).ToString("0", CultureInfo.InvariantCulture)} Ko";
        var megabytes = Math.Round(bytes / (double)Megabyte, 1, MidpointRounding.AwayFromZero);
        return megabytes.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " Mo";
    }
}
