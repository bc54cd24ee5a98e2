namespace CarteValoise.Grains.Communes;

/// <summary>A commune (tenant), keyed by its INSEE code.</summary>
public interface ICommuneGrain : IGrainWithStringKey
{
    Task Configure(CommuneProfile profile);
    Task<CommuneProfile?> GetProfile();
    Task AddSchool(SchoolRef school);
    Task<IReadOnlyList<SchoolRef>> GetSchools();
    Task RegisterBox(string boxId);
    Task<IReadOnlyList<string>> GetBoxIds();
}

/// <summary>The département's directory of communes, keyed by the département number.</summary>
public interface IDepartementGrain : IGrainWithStringKey
{
    Task RegisterCommune(string inseeCode, string name);
    Task<IReadOnlyDictionary<string, string>> GetCommunes();
}
