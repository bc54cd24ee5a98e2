using System.Collections.Concurrent;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Cloud.Privacy;

/// <summary>Schools by name, each asked once for the whole archive.</summary>
public sealed class SchoolNames(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> names = new();

    public Task<string> Of(string schoolId) =>
        names.GetOrAdd(schoolId, id => new Lazy<Task<string>>(async () => (await grains.GetGrain<ISchoolGrain>(id).GetProfile())?.Name ?? id)).Value;
}
