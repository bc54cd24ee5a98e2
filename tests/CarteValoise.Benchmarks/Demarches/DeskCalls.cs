using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Contracts.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// The DemarcheDesk service as the portal calls it for an agent of the commune (a session of the
/// canteen benchmark's agent of Grandeville). A CSV export of a whole démarche is one large answer.
/// </summary>
public sealed class DeskCalls(Uri cloud) : AgentSession(cloud, maxReceiveMessageSize: 256 * 1024 * 1024, callMinutes: 5)
{
    public DemarcheDesk.DemarcheDeskClient Desk => new(Channel);
}
