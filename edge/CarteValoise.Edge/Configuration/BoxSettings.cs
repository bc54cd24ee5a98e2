using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Configuration;

namespace CarteValoise.Edge.Configuration;

/// <summary>
/// Reads and checks the box's configuration before anything starts: a box without an identity or
/// a cloud to talk to must not run silently, it must say what is missing (in French, for whoever
/// installs it) and stop.
/// </summary>
public sealed record BoxSettings(BoxOptions Box, ReaderOptions Reader)
{
    public static bool TryRead(IConfiguration configuration, out BoxSettings settings, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        BoxOptions box;
        ReaderOptions reader;
        try
        {
            box = configuration.GetSection(BoxOptions.Section).Get<BoxOptions>() ?? new BoxOptions();
            reader = configuration.GetSection(ReaderOptions.Section).Get<ReaderOptions>() ?? new ReaderOptions();
        }
        catch (InvalidOperationException ex)
        {
            found.Add($"valeur illisible : {ex.Message}");
            settings = new BoxSettings(new BoxOptions(), new ReaderOptions());
            return false;
        }
        settings = new BoxSettings(box, reader);

        Require(box.Id, "Box:Id", "l'identifiant de la box, reçu à l'enrôlement");
        Require(box.Secret, "Box:Secret", "le secret de la box, reçu à l'enrôlement");
        Require(box.CloudAddress, "Box:CloudAddress", "l'adresse du cloud, par exemple http://127.0.0.1:5080");
        if (!string.IsNullOrWhiteSpace(box.CloudAddress)
            && !(Uri.TryCreate(box.CloudAddress, UriKind.Absolute, out var cloud) && cloud.Scheme is "http" or "https"))
            found.Add($"Box:CloudAddress « {box.CloudAddress} » n'est pas une adresse http:// ou https:// complète.");
        if (string.IsNullOrWhiteSpace(box.DataDirectory))
            found.Add("Box:DataDirectory est vide (dossier des données de la box).");
        if (box.DebounceSeconds < 0 || double.IsNaN(box.DebounceSeconds))
            found.Add($"Box:DebounceSeconds doit être positif ou nul (valeur : {box.DebounceSeconds}).");
        if (box.Uplink.BatchSize <= 0)
            found.Add($"Box:Uplink:BatchSize doit être positif (valeur : {box.Uplink.BatchSize}).");
        if (reader.Kind != ReaderKind.Simulated)
            found.Add($"Reader:Kind « {reader.Kind} » n'est pas encore pris en charge par cette version ; seul Simulated l'est.");
        if (reader.Kind == ReaderKind.Simulated && !(reader.Simulated.TapsPerSecond > 0))
            found.Add($"Reader:Simulated:TapsPerSecond doit être positif (valeur : {reader.Simulated.TapsPerSecond}).");
        return found.Count == 0;

        void Require(string value, string key, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
                found.Add($"{key} manque : {what} (variable d'environnement {key.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }
}
