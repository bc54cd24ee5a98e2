using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Canteen;

namespace CarteValoise.Benchmarks.Canteen;

/// <summary>
/// The cloud's gRPC services as the portal calls them for the agent of the large commune: the count
/// page's two reads and the month's close.
/// </summary>
public sealed class AgentCalls(Uri cloud) : AgentSession(cloud, maxReceiveMessageSize: 64 * 1024 * 1024, callMinutes: 1)
{
    public CanteenReports.CanteenReportsClient Reports => new(Channel);

    public Billing.BillingClient Billing => new(Channel);
}
