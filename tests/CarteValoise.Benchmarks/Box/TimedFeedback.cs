using CarteValoise.Benchmarks.Report;
using CarteValoise.Edge.Feedback;
using CarteValoise.Edge.Taps;
using CarteValoise.Readers.Taps;

namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// The box's console feedback (to nowhere) with a stopwatch where the LEDs would be: each tap's
/// latency from its read to its feedback, and a count to know when the last tap has been answered.
/// </summary>
public sealed class TimedFeedback : IFeedback
{
    private readonly ConsoleFeedback _console = new(TextWriter.Null);
    private readonly Lock _gate = new();
    private int _shown;
    private int _notRecorded;
    private int _expected = int.MaxValue;
    private readonly TaskCompletionSource _allShown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Latencies Latencies { get; } = new();

    public int NotRecorded
    {
        get { lock (_gate) return _notRecorded; }
    }

    /// <summary>Completes once <paramref name="taps"/> taps have had their feedback, recorded or not.</summary>
    public Task AllShownAsync(int taps)
    {
        lock (_gate)
        {
            _expected = taps;
            if (_shown + _notRecorded >= _expected) _allShown.TrySetResult();
        }
        return _allShown.Task;
    }

    public void Show(RecordedTap tap)
    {
        _console.Show(tap);
        Latencies.Add(DateTimeOffset.UtcNow - tap.ReadAt);
        Count(ref _shown);
    }

    public void ShowNotRecorded(CardTap tap)
    {
        _console.ShowNotRecorded(tap);
        Count(ref _notRecorded);
    }

    private void Count(ref int counter)
    {
        lock (_gate)
        {
            counter++;
            if (_shown + _notRecorded >= _expected) _allShown.TrySetResult();
        }
    }
}
