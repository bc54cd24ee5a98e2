using CarteValoise.Domain.Demarches;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// A move or command a request cannot take as it stands (not allowed from this state or to this
/// role, decided already…), said in French for the person who asked; nothing was changed.
/// </summary>
[GenerateSerializer]
public sealed class DemarcheRefusedException : Exception
{
    public DemarcheRefusedException() { }

    public DemarcheRefusedException(string message) : base(message) { }

    public DemarcheRefusedException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>InvalidDemarcheException crossing a grain call (the Domain knows nothing of Orleans).</summary>
[GenerateSerializer, Immutable]
public readonly struct InvalidDemarcheSurrogate(IReadOnlyList<string> fields, IReadOnlyList<string> messages)
{
    [Id(0)] public IReadOnlyList<string> Fields { get; } = fields;
    [Id(1)] public IReadOnlyList<string> Messages { get; } = messages;
}

[RegisterConverter]
public sealed class InvalidDemarcheConverter : IConverter<InvalidDemarcheException, InvalidDemarcheSurrogate>
{
    public InvalidDemarcheException ConvertFromSurrogate(in InvalidDemarcheSurrogate surrogate) =>
        new([.. surrogate.Fields.Zip(surrogate.Messages, (field, message) => new DemarcheProblem(field, message))]);

    public InvalidDemarcheSurrogate ConvertToSurrogate(in InvalidDemarcheException value) =>
        new([.. value.Problems.Select(p => p.Field)], [.. value.Problems.Select(p => p.Message)]);
}
