namespace CarteValoise.Edge.Feedback;

/// <summary>The box's buzzer: a tone on, or silence.</summary>
public interface IBeeper : IDisposable
{
    void Start(double frequencyHz);

    void Stop();
}
