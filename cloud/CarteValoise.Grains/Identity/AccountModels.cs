using CarteValoise.Domain.Access;

namespace CarteValoise.Grains.Identity;

[GenerateSerializer, Immutable]
public sealed record AccountRecord(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] CallerRole Role,
    [property: Id(5)] IReadOnlyList<string> CommuneCodes,
    [property: Id(6)] string? FamilyId);
