using System.Security.Cryptography;

namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>A reader box the cloud enrols at seeding time, with the secret it was issued.</summary>
public sealed record DemoBox(string BoxId, string SchoolId, string Secret)
{
    public static DemoBox ForCergySchool(string boxId) =>
        new(boxId, Demo.CergySchool, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
}
