namespace CarteValoise.Grains.Devices;

/// <summary>A reader box, keyed by box id: its credential and how far its taps are durable.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Enrols the box with a known secret (demo boxes, tests).</summary>
    Task Enrol(DeviceEnrolment enrolment);
    /// <summary>Creates a box that waits for its enrolment code to be exchanged (SecretHash empty).</summary>
    Task Create(DeviceEnrolment pending, string label);
    /// <summary>Gives the box its secret when its one-time code is exchanged.</summary>
    Task<DeviceEnrolment> CompleteEnrolment(string secretHash);
    Task RecordHeartbeat(BoxHeartbeat heartbeat);
    /// <summary>
    /// The box says which numbering its outbox is on (Hello). A new one (data wiped, SD card
    /// replaced) starts a new series at 0, so its taps 1, 2… are not taken for ones already applied.
    /// An empty epoch (a box that does not say) changes nothing.
    /// </summary>
    Task StartSeries(string outboxEpoch);
    /// <summary>The enrolment when the secret matches; null for an unknown box or a wrong secret.</summary>
    Task<DeviceEnrolment?> Authenticate(string secret);
    /// <summary>
    /// Applies the taps that follow the durable sequence, in order, drops those already seen, stops at a gap,
    /// and returns the highest sequence number that is durable (every tap up to it is applied and persisted).
    /// </summary>
    Task<long> ApplyTaps(IReadOnlyList<BoxTap> taps);
    Task<DeviceStatus> GetStatus();
    /// <summary>
    /// Checkpoints now: the journal's taps, durable here but perhaps not yet downstream (after a crash,
    /// or a silo lost), are applied again by their children, families and school days, which answer
    /// with them on storage; returns how many taps the journal held. Throws when some could not land:
    /// those stay in the journal for the next checkpoint.
    /// </summary>
    Task<int> RecoverPendingTaps();
}
