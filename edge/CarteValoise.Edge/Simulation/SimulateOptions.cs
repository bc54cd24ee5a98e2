using System.Globalization;
using CarteValoise.Edge.Configuration;

namespace CarteValoise.Edge.Simulation;

/// <summary>
/// <c>CarteValoise.Edge simulate --boxes N --taps-per-second R --duration D --box-prefix P --secret S --school ID [--cloud URL[,URL…]]</c>:
/// N virtual boxes with ids P-1..P-N sharing secret S (the cloud knows them, e.g. through its
/// Demo:Boxes configuration), tapping R taps/s in total for D seconds. --cloud takes a list as
/// Box:CloudAddress does: each virtual box moves to the next silo when its own goes away.
/// </summary>
public sealed record SimulateOptions(
    int Boxes,
    double TapsPerSecond,
    TimeSpan Duration,
    string Cloud,
    string BoxPrefix,
    string Secret,
    string SchoolId,
    string? Root,
    int BatchSize,
    TimeSpan DrainTimeout,
    TimeSpan RosterTimeout,
    BoxMode Mode)
{
    public const string Usage =
        "usage : CarteValoise.Edge simulate --boxes N --taps-per-second R --duration SECONDES --box-prefix P (--secret S | --secret-file FICHIER) "
        + "[--school 95127-E1] [--cloud http://127.0.0.1:5100[,http://127.0.0.1:5101…]] [--root DOSSIER] [--batch-size 200] [--drain-timeout 60] [--roster-timeout 30] [--mode Canteen|Care]";

    public static bool TryParse(IReadOnlyList<string> args, out SimulateOptions options, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                found.Add($"argument inattendu « {name} »");
                continue;
            }
            values[name[2..]] = args[++i];
        }
        var known = new[] { "boxes", "taps-per-second", "duration", "cloud", "box-prefix", "secret", "secret-file", "school", "root", "batch-size", "drain-timeout", "roster-timeout", "mode" };
        found.AddRange(values.Keys.Where(k => !known.Contains(k)).Select(k => $"option inconnue --{k}"));

        var boxes = Int("boxes", null, 1, 10_000);
        var rate = Number("taps-per-second", null, 0.001);
        var duration = Number("duration", null, 0.001);
        var batch = Int("batch-size", 200, 1, 10_000);
        var drain = Number("drain-timeout", 60, 0);
        var roster = Number("roster-timeout", 30, 0);
        var cloud = values.GetValueOrDefault("cloud", "http://127.0.0.1:5100");
        found.AddRange(CloudAddresses.Problems("--cloud", cloud));
        if (string.IsNullOrWhiteSpace(cloud)) found.Add("--cloud est vide : l'adresse du cloud, ou celles de ses silos séparées par des virgules");
        var prefix = values.GetValueOrDefault("box-prefix", "");
        if (prefix.Length == 0) found.Add("--box-prefix manque : les boxes s'appellent <préfixe>-1 à <préfixe>-N");
        var secret = ReadSecret();
        var mode = BoxMode.Canteen;
        if (values.TryGetValue("mode", out var modeText) && !Enum.TryParse(modeText, ignoreCase: true, out mode))
            found.Add($"--mode « {modeText} » : Canteen ou Care");

        options = new SimulateOptions(
            boxes, rate, TimeSpan.FromSeconds(duration), cloud, prefix, secret, values.GetValueOrDefault("school", ""),
            values.GetValueOrDefault("root"), batch, TimeSpan.FromSeconds(drain), TimeSpan.FromSeconds(roster), mode);
        return found.Count == 0;

        string ReadSecret()
        {
            if (values.TryGetValue("secret", out var given)) return given;
            if (!values.TryGetValue("secret-file", out var file))
            {
                found.Add("--secret ou --secret-file manque : le secret partagé par les boxes simulées");
                return "";
            }
            try
            {
                return File.ReadAllText(file).Trim();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                found.Add($"--secret-file {file} illisible : {ex.Message}");
                return "";
            }
        }

        int Int(string name, int? fallback, int min, int max)
        {
            if (!values.TryGetValue(name, out var text))
            {
                if (fallback is null) found.Add($"--{name} manque");
                return fallback ?? 0;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            found.Add($"--{name} « {text} » : un entier entre {min} et {max}");
            return fallback ?? 0;
        }

        double Number(string name, double? fallback, double min)
        {
            if (!values.TryGetValue(name, out var text))
            {
                if (fallback is null) found.Add($"--{name} manque");
                return fallback ?? 0;
            }
            var trimmed = text.EndsWith('s') ? text[..^1] : text;
            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && double.IsFinite(value)) return value;
            found.Add($"--{name} « {text} » : un nombre au moins égal à {min.ToString(CultureInfo.InvariantCulture)}");
            return fallback ?? 0;
        }
    }
}
