using CarteValoise.Domain.Household;

namespace CarteValoise.Grains.Household;

/// <summary>
/// A request that cannot go on as asked (decided already, a custody whose other parent has no
/// household yet…), said in French for the person who asked; nothing was changed.
/// </summary>
[GenerateSerializer]
public sealed class DossierChangeRefusedException : Exception
{
    public DossierChangeRefusedException() { }

    public DossierChangeRefusedException(string message) : base(message) { }

    public DossierChangeRefusedException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// InvalidHouseholdException crossing a grain call: the Domain knows nothing of Orleans, so its wire
/// form is declared here, and the page receives every problem with its field.
/// </summary>
[GenerateSerializer, Immutable]
public readonly struct InvalidHouseholdSurrogate(IReadOnlyList<string> fields, IReadOnlyList<string> messages)
{
    [Id(0)] public IReadOnlyList<string> Fields { get; } = fields;
    [Id(1)] public IReadOnlyList<string> Messages { get; } = messages;
}

[RegisterConverter]
public sealed class InvalidHouseholdConverter : IConverter<InvalidHouseholdException, InvalidHouseholdSurrogate>
{
    public InvalidHouseholdException ConvertFromSurrogate(in InvalidHouseholdSurrogate surrogate) =>
        new([.. surrogate.Fields.Zip(surrogate.Messages, (field, message) => new HouseholdProblem(field, message))]);

    public InvalidHouseholdSurrogate ConvertToSurrogate(in InvalidHouseholdException value) =>
        new([.. value.Problems.Select(p => p.Field)], [.. value.Problems.Select(p => p.Message)]);
}
