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
        var line = tap.Decision switch
        {
            Decision.Accepted => $"[OK] Bon appétit {child} !",
            Decision.AlreadyServed => $"[REFUS] {child} a déjà pris son repas aujourd'hui.",
            Decision.NotExpected => $"[REFUS] {child} n'est pas inscrit(e) à la cantine aujourd'hui.",
            Decision.UnknownCard => $"[REFUS] Carte inconnue ({tap.CardUid}).",
            Decision.BlockedCard => $"[REFUS] Carte bloquée ({tap.CardUid}) : voir la mairie.",
            _ => $"[?] {tap.Decision}",
        };
        return tap.AllergyPlan ? line + " ATTENTION : PAI (allergie), vérifier le plateau." : line;
    }

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
