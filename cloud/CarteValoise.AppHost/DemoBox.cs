using System.Security.Cryptography;

/// <summary>
/// A simulated reader box of the demo. Its secret is made at each start and handed to the silo
/// (which enrols the box with it) and to the box: no secret is written in the repository.
/// </summary>
internal sealed record DemoBox(string Id, string SchoolId, string Secret)
{
    public static IReadOnlyList<DemoBox> MakeTwo() =>
    [
        new("boite-cergy-touleuses", "95127-E1", NewSecret()),
        new("boite-pontoise-piette", "95500-E1", NewSecret()),
    ];

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
