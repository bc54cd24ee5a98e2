namespace CarteValoise.Grains.Devices;

/// <summary>How often a box's journal is checkpointed (configuration Boxes:CheckpointSeconds).</summary>
public sealed class DeviceJournalOptions
{
    public TimeSpan CheckpointEvery { get; set; } = TimeSpan.FromSeconds(1);
}
