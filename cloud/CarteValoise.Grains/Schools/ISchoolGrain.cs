namespace CarteValoise.Grains.Schools;

/// <summary>A school and the roster its reader boxes decide from, keyed by school id.</summary>
public interface ISchoolGrain : IGrainWithStringKey
{
    Task Configure(SchoolProfile profile);
    Task<SchoolProfile?> GetProfile();
    Task EnrolChild(RosterChild child);
    /// <summary>The roster for <paramref name="day"/>, or Changed=false when the box already holds <paramref name="knownVersion"/>.</summary>
    Task<RosterSnapshot> GetRoster(long knownVersion, DateOnly day);
}
