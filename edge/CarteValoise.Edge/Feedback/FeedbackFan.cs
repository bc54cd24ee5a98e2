using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// Every feedback of the box, the console line first: one that throws is logged and the others
/// still show, and the tap — already on disk — is never failed by its feedback.
/// </summary>
public sealed class FeedbackFan(IReadOnlyList<IFeedback> outputs, ILogger<FeedbackFan> logger) : IFeedback, IDisposable
{
    public IReadOnlyList<IFeedback> Outputs => outputs;

    public void Show(RecordedTap tap)
    {
        foreach (var output in outputs)
        {
            try
            {
                output.Show(tap);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retour {Output} impossible pour le passage n° {Sequence}.", output.GetType().Name, tap.Sequence);
            }
        }
    }

    public void ShowNotRecorded(CardTap tap)
    {
        foreach (var output in outputs)
        {
            try
            {
                output.ShowNotRecorded(tap);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retour {Output} impossible (passage non enregistré, carte {CardUid}).", output.GetType().Name, tap.CardUid);
            }
        }
    }

    public void Dispose()
    {
        foreach (var output in outputs.OfType<IDisposable>()) output.Dispose();
    }
}
