namespace CarteValoise.EndToEnd.Tests.Web.AgentFamilies;

/// <summary>
/// Whom the agents' pages tests act as: the Argenteuil demo agent, on families each test creates
/// with a tag of its own (no other test counts Argenteuil's families), and on Argenteuil's rules,
/// which the rules page test puts back as they were before it ends.
/// </summary>
public static class ArgenteuilAgent
{
    public const string Email = "agent.argenteuil@demo.cartevaloise.fr";
    public const string Commune = "95018";
    public const string School = "95018-E1";
    public const string SchoolName = "École élémentaire Jean-Jaurès";

    /// <summary>A commune the Argenteuil agent does not serve.</summary>
    public const string OtherCommune = "95127";
    public const string OtherCommuneFamily = "95127-F001";

    /// <summary>Eight hex digits no other run of a test uses: names and card numbers are made from it.</summary>
    public static string NewTag() => Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
