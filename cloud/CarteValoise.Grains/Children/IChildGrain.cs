namespace CarteValoise.Grains.Children;

/// <summary>A child, keyed by a pseudonymous id; holds the meals the child took.</summary>
public interface IChildGrain : IGrainWithStringKey
{
    Task Enrol(ChildProfile profile);
    Task<ChildProfile?> GetProfile();
    /// <summary>Applies a canteen tap once, however often it is sent: the meal, its charge and the school-day count.</summary>
    Task<CanteenTapOutcome> RecordCanteenTap(CanteenTap tap);
    /// <summary>Records a périscolaire arrival or departure once, however often it is sent (charged with the billing issue).</summary>
    Task RecordCareTap(CareTap tap);
    /// <summary>The child's taps of one Europe/Paris day, in reading order.</summary>
    Task<IReadOnlyList<ChildTapRecord>> GetTaps(DateOnly day);
}
