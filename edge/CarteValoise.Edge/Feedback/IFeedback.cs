using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// What the child and the staff see and hear after a tap: the console line, the LEDs and the
/// buzzer. Called only once the tap is on disk, and must return at once (the child waits at most
/// 100 ms): anything slow or fragile (a GPIO pattern lasting a second) runs behind it, and a
/// failure there is logged, never thrown at the tap.
/// </summary>
public interface IFeedback
{
    void Show(RecordedTap tap);

    /// <summary>The tap could not be written: the child must tap again or see an adult.</summary>
    void ShowNotRecorded(CardTap tap);
}
