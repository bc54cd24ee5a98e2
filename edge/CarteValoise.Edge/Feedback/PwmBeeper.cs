using System.Device.Pwm;
using Iot.Device.Buzzer;

namespace CarteValoise.Edge.Feedback;

/// <summary>A passive buzzer on a hardware PWM channel, through Iot.Device.Buzzer: real tones, so each pattern has its pitch.</summary>
public sealed class PwmBeeper(PwmChannel channel) : IBeeper
{
    private readonly Buzzer _buzzer = new(channel);

    public void Start(double frequencyHz) => _buzzer.StartPlaying(frequencyHz);

    public void Stop() => _buzzer.StopPlaying();

    public void Dispose() => _buzzer.Dispose();
}
