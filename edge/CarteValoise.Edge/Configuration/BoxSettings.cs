using CarteValoise.Edge.Enrolment;
using CarteValoise.Readers.Configuration;
using Microsoft.Extensions.Configuration;

namespace CarteValoise.Edge.Configuration;

/// <summary>
/// Reads and checks the box's configuration before anything starts: a box without an identity or
/// a cloud to talk to must not run silently, it must say what is missing (in French, for whoever
/// installs it) and stop.
/// </summary>
public sealed record BoxSettings(BoxOptions Box, ReaderOptions Reader, FeedbackOptions Feedback)
{
    public static bool TryRead(IConfiguration configuration, out BoxSettings settings, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        BoxOptions box;
        ReaderOptions reader;
        FeedbackOptions feedback;
        try
        {
            box = configuration.GetSection(BoxOptions.Section).Get<BoxOptions>() ?? new BoxOptions();
            reader = configuration.GetSection(ReaderOptions.Section).Get<ReaderOptions>() ?? new ReaderOptions();
            feedback = configuration.GetSection(FeedbackOptions.Section).Get<FeedbackOptions>() ?? new FeedbackOptions();
        }
        catch (InvalidOperationException ex)
        {
            found.Add($"valeur illisible : {ex.Message}");
            settings = new BoxSettings(new BoxOptions(), new ReaderOptions(), new FeedbackOptions());
            return false;
        }
        settings = new BoxSettings(box, reader, feedback);

        CheckIdentity(box, found);
        Require(box.CloudAddress, "Box:CloudAddress", "l'adresse du cloud, par exemple http://127.0.0.1:5080");
        found.AddRange(CloudAddresses.Problems("Box:CloudAddress", box.CloudAddress).Select(p => p + "."));
        if (string.IsNullOrWhiteSpace(box.DataDirectory))
            found.Add("Box:DataDirectory est vide (dossier des données de la box).");
        if (box.DebounceSeconds < 0 || double.IsNaN(box.DebounceSeconds))
            found.Add($"Box:DebounceSeconds doit être positif ou nul (valeur : {box.DebounceSeconds}).");
        if (box.Uplink.BatchSize <= 0)
            found.Add($"Box:Uplink:BatchSize doit être positif (valeur : {box.Uplink.BatchSize}).");
        if (box.Uplink.LingerMilliseconds < 0)
            found.Add($"Box:Uplink:LingerMilliseconds doit être positif ou nul (valeur : {box.Uplink.LingerMilliseconds}).");
        found.AddRange(reader.Problems());
        if (feedback.Kind == FeedbackKind.Gpio) CheckPins(feedback, found);
        return found.Count == 0;

        void Require(string value, string key, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
                found.Add($"{key} manque : {what} (variable d'environnement {key.Replace(":", "__", StringComparison.Ordinal)}).");
        }
    }

    // Three ways to know who the box is: Box:Id and Box:Secret given, a credential kept from an
    // earlier enrolment, or a one-time code to enrol now.
    private static void CheckIdentity(BoxOptions box, List<string> found)
    {
        var hasId = !string.IsNullOrWhiteSpace(box.Id);
        var hasSecret = !string.IsNullOrWhiteSpace(box.Secret);
        if (hasId != hasSecret)
        {
            found.Add(hasId
                ? "Box:Secret manque : le secret de la box va avec Box:Id (variable d'environnement Box__Secret)."
                : "Box:Id manque : l'identifiant de la box va avec Box:Secret (variable d'environnement Box__Id).");
            return;
        }
        if (hasId || !string.IsNullOrWhiteSpace(box.EnrolmentCode)) return;
        if (!string.IsNullOrWhiteSpace(box.DataDirectory) && CredentialFile.Exists(box.DataDirectory)) return;
        found.Add("La box n'a pas d'identité : donnez Box:EnrolmentCode, le code à usage unique créé pour elle dans /Admin "
            + "(variable d'environnement Box__EnrolmentCode), ou Box:Id et Box:Secret (Box__Id, Box__Secret).");
    }

    private static void CheckPins(FeedbackOptions feedback, List<string> found)
    {
        var pins = new List<(string Key, int Pin)> { ("Feedback:GreenLedPin", feedback.GreenLedPin), ("Feedback:RedLedPin", feedback.RedLedPin) };
        if (!feedback.UsesPwmBuzzer && feedback.BuzzerPin is { } buzzer) pins.Add(("Feedback:BuzzerPin", buzzer));
        foreach (var (key, pin) in pins.Where(p => p.Pin is < 0 or > 63))
            found.Add($"{key} doit être un numéro de GPIO (BCM) entre 0 et 63 (valeur : {pin}).");
        foreach (var shared in pins.GroupBy(p => p.Pin).Where(g => g.Count() > 1))
            found.Add($"{string.Join(" et ", shared.Select(p => p.Key))} utilisent la même broche GPIO {shared.Key}.");
        if ((feedback.BuzzerPwmChip is null) != (feedback.BuzzerPwmChannel is null))
            found.Add("Feedback:BuzzerPwmChip et Feedback:BuzzerPwmChannel vont ensemble : donnez les deux pour un buzzer en PWM, ou aucun.");
    }
}
