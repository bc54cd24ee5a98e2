using System.Globalization;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Feedback;

/// <summary>The staff's line, in French, on the console (or the journal under systemd).</summary>
public sealed class ConsoleFeedback(TextWriter writer) : IFeedback
{
    public void Show(RecordedTap tap) => Write(Describe(tap));

    public void ShowNotRecorded(CardTap tap) =>
        Write($"[ERREUR] Passage non enregistré (carte {tap.CardUid}) : repasser la carte ou prévenir un adulte.");

    public static string Describe(RecordedTap tap)
    {
        var child = tap.ChildFirstName ?? "";
        var care = tap.Service is TapService.CareCheckIn or TapService.CareCheckOut;
        var line = (tap.Decision, tap.Service) switch
        {
            (Decision.Accepted, TapService.CareCheckIn) => $"[OK] Bonjour {child} : arrivée au périscolaire à {ParisTime(tap.ReadAt)}.",
            (Decision.Accepted, TapService.CareCheckOut) => $"[OK] Au revoir {child} : départ du périscolaire à {ParisTime(tap.ReadAt)}.",
            (Decision.Accepted, _) => $"[OK] Bon appétit {child} !",
            (Decision.AlreadyServed, _) => $"[REFUS] {child} a déjà pris son repas aujourd'hui.",
            (Decision.NotExpected, _) when care => $"[REFUS] {child} n'est pas inscrit(e) au périscolaire aujourd'hui.",
            (Decision.NotExpected, _) => $"[REFUS] {child} n'est pas inscrit(e) à la cantine aujourd'hui.",
            (Decision.UnknownCard, _) => $"[REFUS] Carte inconnue ({tap.CardUid}).",
            (Decision.BlockedCard, _) => $"[REFUS] Carte bloquée ({tap.CardUid}) : voir la mairie.",
            _ => $"[?] {tap.Decision}",
        };
        if (!tap.AllergyPlan) return line;
        return line + (care ? " ATTENTION : PAI (allergie), vérifier le goûter." : " ATTENTION : PAI (allergie), vérifier le plateau.");
    }

    private static string ParisTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ParisDay.Zone).ToString("HH'h'mm", CultureInfo.InvariantCulture);

    private void Write(string line)
    {
        try
        {
            lock (writer)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
        catch (IOException)
        {
            // No console to write to: the tap is recorded all the same.
        }
    }
}
