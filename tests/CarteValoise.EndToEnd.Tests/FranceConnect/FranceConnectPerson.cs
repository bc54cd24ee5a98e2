using System.Security.Cryptography;

namespace CarteValoise.EndToEnd.Tests.FranceConnect;

/// <summary>
/// A person as FranceConnect describes them (the identity pivot and the email). The subject is
/// FranceConnect's shape: 64 hexadecimal characters and «v1». <see cref="FamilyName"/> is the birth
/// name, <see cref="PreferredUsername"/> the usage name (empty when there is none).
/// </summary>
public sealed record FranceConnectPerson(
    string Subject,
    string GivenName,
    string FamilyName,
    string PreferredUsername,
    string Email,
    string BirthDate,
    string Gender,
    string BirthPlace,
    string BirthCountry)
{
    /// <summary>Someone no test has seen yet: a subject and an email of their own.</summary>
    public static FranceConnectPerson New(string givenName = "Angela Claire Louise", string familyName = "DUBOIS", string preferredUsername = "MARTIN") => new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "v1",
        givenName,
        familyName,
        preferredUsername,
        $"{Guid.NewGuid():N}@exemple.fr",
        "1962-08-24",
        "female",
        "75107",
        "99100");

    /// <summary>The name the cloud gives an account opened with FranceConnect: the usage name when there is one.</summary>
    public string DisplayName => $"{GivenName} {(PreferredUsername.Length > 0 ? PreferredUsername : FamilyName)}";
}
