namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// A section that names itself for the citizen: «Mes données» and the archive's README.txt show
/// <see cref="Title"/> and <see cref="Description"/>. Optional: a section without them is shown by
/// its <see cref="IPersonalDataSection.Name"/>.
/// </summary>
public interface IDescribedPersonalDataSection : IPersonalDataSection
{
    /// <summary>«Ma famille et mes enfants».</summary>
    string Title { get; }

    /// <summary>What the file holds, in a sentence or two.</summary>
    string Description { get; }
}
