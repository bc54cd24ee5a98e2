namespace CarteValoise.Grains.Devices;

/// <summary>A reader box, keyed by box id: its credential and how far its taps are durable.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    Task Enrol(DeviceEnrolment enrolment);
    /// <summary>The enrolment when the secret matches; null for an unknown box or a wrong secret.</summary>
    Task<DeviceEnrolment?> Authenticate(string secret);
    /// <summary>
    /// Applies the taps that follow the durable sequence, in order, drops those already seen, stops at a gap,
    /// and returns the highest sequence number that is durable (every tap up to it is applied and persisted).
    /// </summary>
    Task<long> ApplyTaps(IReadOnlyList<BoxTap> taps);
    Task<DeviceStatus> GetStatus();
}
