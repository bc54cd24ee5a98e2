using CarteValoise.Domain.Household;

namespace CarteValoise.Grains.Household;

/// <summary>
/// An adult of a household as kept (values checked by the Domain's <see cref="HouseholdChecks"/>). A
/// household prefilled from a commune's family may not know an adult's first name or birth date yet:
/// empty, and null, until the citizen tells them.
/// </summary>
/// <param name="AccountId">The adult's CarteValoise account, when the adult has one (the holder).</param>
[GenerateSerializer, Immutable]
public sealed record HouseholdAdultRecord(
    [property: Id(0)] string AdultId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] DateOnly? BirthDate,
    [property: Id(4)] AdultRelationship Relationship,
    [property: Id(5)] string Email,
    [property: Id(6)] string Phone,
    [property: Id(7)] string Employer,
    [property: Id(8)] string CafNumber,
    [property: Id(9)] string? AccountId = null)
{
    public string FullName => $"{FirstName} {LastName}";

    public static HouseholdAdultRecord From(string adultId, AdultDetails adult, string? accountId) =>
        new(adultId, adult.FirstName, adult.LastName, adult.BirthDate, adult.Relationship, adult.Email, adult.Phone, adult.Employer, adult.CafNumber, accountId);
}

[GenerateSerializer, Immutable]
public sealed record HouseholdAddressRecord(
    [property: Id(0)] string Street,
    [property: Id(1)] string PostalCode,
    [property: Id(2)] string City)
{
    public HomeAddress ToDomain() => new(Street, PostalCode, City);

    public static HouseholdAddressRecord From(HomeAddress address) => new(address.Street, address.PostalCode, address.City);

    public override string ToString() => ToDomain().ToString();
}

/// <summary>
/// A household: the adults, the address and the children (kept by their own grains, as a child may
/// belong to two households), in the commune of residence whose agents check its changes.
/// </summary>
/// <param name="FamilyId">The commune's family the household came from: accepted addresses and the holder's phone and email reach it.</param>
/// <param name="HolderAccountId">The account that created it.</param>
[GenerateSerializer, Immutable]
public sealed record HouseholdRecord(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] string CommuneCode,
    [property: Id(2)] string? FamilyId,
    [property: Id(3)] HouseholdAddressRecord? Address,
    [property: Id(4)] IReadOnlyList<HouseholdAdultRecord> Adults,
    [property: Id(5)] IReadOnlyList<string> ChildIds,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string HolderAccountId);

/// <summary>
/// A child of one household, or of two (a custody accepted by the commune). Only the child's own
/// details are here: nothing of either household, which each parent reads apart.
/// </summary>
/// <param name="BirthDate">Null only for a child prefilled from a commune that did not know it.</param>
/// <param name="ResidesWithHouseholdId">Where the child mainly lives, when the custody says so (null for garde alternée).</param>
/// <param name="CommuneChildId">The commune's enrolled child this one was prefilled from, if any.</param>
[GenerateSerializer, Immutable]
public sealed record HouseholdChildRecord(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] DateOnly? BirthDate,
    [property: Id(4)] string School,
    [property: Id(5)] IReadOnlyList<string> HouseholdIds,
    [property: Id(6)] CustodyArrangement Custody = CustodyArrangement.Unspecified,
    [property: Id(7)] string? ResidesWithHouseholdId = null,
    [property: Id(8)] string? CommuneChildId = null)
{
    public string FullName => $"{FirstName} {LastName}";

    public bool IsShared => HouseholdIds.Count > 1;
}
