using CarteValoise.Domain.Access;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// One part of "Mes données", the archive of everything the platform holds on a citizen and their
/// household: each area (account, household, document safe, canteen, payments…) registers its own
/// section (<c>services.AddSingleton&lt;IPersonalDataSection, …&gt;()</c>), so that a new kind of
/// data cannot be forgotten by a list kept elsewhere.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>What the data is, in French, as the archive's file and the page name it ("compte", "documents"…).</summary>
    string Name { get; }

    /// <summary>What this area holds on the signed-in citizen (a parent): JSON-serialisable data, and files.</summary>
    Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken);
}

/// <summary><paramref name="Data"/> is written as <c>{Name}.json</c>; each file under <c>fichiers/{Name}/</c>.</summary>
public sealed record PersonalDataPart(object Data, IReadOnlyList<PersonalDataFile> Files);

public sealed record PersonalDataFile(string FileName, string ContentType, byte[] Content);
