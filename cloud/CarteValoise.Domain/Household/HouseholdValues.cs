namespace CarteValoise.Domain.Household;

/// <summary>An adult of the household as kept: names tidied, phone as «06 12 34 56 78», CAF number as its 7 digits.</summary>
public sealed record AdultDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    AdultRelationship Relationship,
    string Email,
    string Phone,
    string Employer,
    string CafNumber)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A child as the household tells them: names, birth date, and the school they attend (empty when none yet).</summary>
public sealed record ChildIdentity(string FirstName, string LastName, DateOnly BirthDate, string School)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>Where the household lives.</summary>
public sealed record HomeAddress(string Street, string PostalCode, string City)
{
    /// <summary>«12 rue des Écoles, 95000 Cergy».</summary>
    public override string ToString() => $"{Street}, {PostalCode} {City}";
}

/// <summary>A custody to record: one of the household's children, shared with the other parent's household.</summary>
public sealed record CustodyDetails(string ChildId, string OtherParentEmail, CustodyArrangement Arrangement);

/// <summary>An adult as a form sends it: every value as typed, the birth date as yyyy-MM-dd.</summary>
public sealed record AdultForm(
    string? FirstName,
    string? LastName,
    string? BirthDate,
    AdultRelationship Relationship,
    string? Email,
    string? Phone,
    string? Employer,
    string? CafNumber);

/// <summary>A child as a form sends it, the birth date as yyyy-MM-dd.</summary>
public sealed record ChildForm(string? FirstName, string? LastName, string? BirthDate, string? School);

public sealed record AddressForm(string? Street, string? PostalCode, string? City);

public sealed record CustodyForm(string? ChildId, string? OtherParentEmail, CustodyArrangement Arrangement);

/// <summary>A document of the citizen's safe chosen as proof: its type, and its last valid day (null: it never expires).</summary>
public sealed record ProofDocument(string TypeCode, DateOnly? ValidUntil);

/// <summary>A form's values once checked: <see cref="Value"/> when there is no problem.</summary>
public sealed record Checked<T>(T? Value, IReadOnlyList<HouseholdProblem> Problems) where T : class
{
    public bool IsValid => Problems.Count == 0 && Value is not null;

    /// <summary>The value, or <see cref="InvalidHouseholdException"/> with every problem.</summary>
    public T Valid => IsValid ? Value! : throw new InvalidHouseholdException(Problems);
}
