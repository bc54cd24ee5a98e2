using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// What the child and the staff see and hear after a tap. A console line today; the green/red LED,
/// the buzzer and a small display implement the same contract later. Called only once the tap is on
/// disk, and must return quickly (within the 100 ms the child waits).
/// </summary>
public interface IFeedback
{
    void Show(RecordedTap tap);

    /// <summary>The tap could not be written: the child must tap again or see an adult.</summary>
    void ShowNotRecorded(CardTap tap);
}
