using CarteValoise.Contracts.Families;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Grpc;

/// <summary>A box as an agent of its commune sees it through Canteen.ListBoxes.</summary>
public static class BoxStatuses
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<BoxStatus> ReadAsync(CloudApi cloud, Metadata agent, string commune, string boxId)
    {
        var boxes = await cloud.Canteen.ListBoxesAsync(new ListBoxesRequest { CommuneInseeCode = commune }, agent, CloudApi.Deadline);
        return boxes.Boxes.SingleOrDefault(b => b.BoxId == boxId)
            ?? throw new Xunit.Sdk.XunitException($"ListBoxes of {commune} does not list box {boxId}: {string.Join(", ", boxes.Boxes.Select(b => b.BoxId))}.");
    }

    /// <summary>
    /// The cloud learns a box's state from its heartbeats, which nothing signals to the test: ask
    /// until the state is the expected one, with a deadline, and say what was last seen.
    /// </summary>
    public static async Task<BoxStatus> WaitUntilAsync(CloudApi cloud, Metadata agent, string commune, string boxId, Func<BoxStatus, bool> expected, string description)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var status = await ReadAsync(cloud, agent, commune, boxId);
            if (expected(status)) return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Box {boxId} was not {description} within {Patience.TotalSeconds:0} s; last seen: {status}.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Until a heartbeat sent after this moment says the box holds no unacknowledged tap.</summary>
    public static Task<BoxStatus> WaitUntilDrainedAsync(CloudApi cloud, Metadata agent, string commune, string boxId, DateTimeOffset since) =>
        WaitUntilAsync(cloud, agent, commune, boxId,
            status => status.LastHeartbeatAt is { } heartbeat && heartbeat.ToDateTimeOffset() >= since && status.OutboxDepth == 0,
            $"reporting an empty outbox in a heartbeat after {since:O}");
}
