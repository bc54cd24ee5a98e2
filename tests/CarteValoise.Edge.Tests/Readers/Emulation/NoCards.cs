using CarteValoise.Readers.Simulated;

namespace CarteValoise.Edge.Tests.Readers.Emulation;

public sealed class NoCards : IKnownCards
{
    public static NoCards Instance { get; } = new();

    public IReadOnlyList<string> CardUids => [];
}
