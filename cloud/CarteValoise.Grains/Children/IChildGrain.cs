namespace CarteValoise.Grains.Children;

/// <summary>A child, keyed by a pseudonymous id; holds the meals the child took.</summary>
public interface IChildGrain : IGrainWithStringKey
{
    Task Enrol(ChildProfile profile);
    Task<ChildProfile?> GetProfile();
    /// <summary>
    /// Applies the child's taps of one batch once, however often they are sent: each is kept; the first
    /// accepted canteen tap of a day is the meal, charged to the family and counted for the school day;
    /// an accepted périscolaire tap is an arrival or a departure.
    /// </summary>
    Task RecordTaps(IReadOnlyList<ChildTap> taps);
    /// <summary>Persists what taps changed, here and in the family and school days they reached.</summary>
    Task Flush();
    /// <summary>The child's taps of one Europe/Paris day, in reading order.</summary>
    Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day);
}
