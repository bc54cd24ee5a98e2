using Orleans.Concurrency;

namespace CarteValoise.Grains.Communes;

/// <summary>A commune (tenant), keyed by its INSEE code.</summary>
public interface ICommuneGrain : IGrainWithStringKey
{
    Task Configure(CommuneProfile profile);
    [ReadOnly] Task<CommuneProfile?> GetProfile();
    Task AddSchool(SchoolRef school);
    [ReadOnly] Task<IReadOnlyList<SchoolRef>> GetSchools();
    Task RegisterBox(string boxId);
    Task<IReadOnlyList<string>> GetBoxIds();

    /// <summary>The rules in force: the last saved version, or version 0 made from the profile's meal tariff when none was saved.</summary>
    // Read-only: every tap and every child of a month close asks for it; reads interleave.
    [ReadOnly] Task<CanteenRulesVersion> GetCanteenRules();
    /// <summary>
    /// Saves a new version after checking it entirely (InvalidRulesException with every problem, nothing
    /// stored); saving rules equal to the current ones returns the current version unchanged.
    /// </summary>
    Task<CanteenRulesVersion> SaveCanteenRules(CanteenRulesRecord rules, string savedBy);
    /// <summary>Every saved version, oldest first.</summary>
    Task<IReadOnlyList<CanteenRulesVersion>> GetCanteenRulesHistory();

    /// <summary>The commune's families, for its reports and its month close.</summary>
    Task AddFamily(string familyId);
    Task<IReadOnlyList<string>> GetFamilyIds();
}

/// <summary>The département's directory of communes, keyed by the département number.</summary>
public interface IDepartementGrain : IGrainWithStringKey
{
    Task RegisterCommune(string inseeCode, string name);
    Task<IReadOnlyDictionary<string, string>> GetCommunes();
}
