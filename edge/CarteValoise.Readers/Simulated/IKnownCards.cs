namespace CarteValoise.Readers.Simulated;

/// <summary>The cards the box currently knows (its roster), for a simulated reader with no list of its own.</summary>
public interface IKnownCards
{
    IReadOnlyList<string> CardUids { get; }
}
