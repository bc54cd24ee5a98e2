using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Children;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// A child of an imported file is a child already enrolled in the family when both names and the
/// birth date agree, whatever the case and accents («Noël MARTIN» is «noel Martin»).
/// </summary>
internal static class ChildMatch
{
    public static bool Same(ChildProfile enrolled, ImportedChild imported) =>
        enrolled.BirthDate == imported.BirthDate
        && TextKey.Of(enrolled.FirstName) == TextKey.Of(imported.FirstName)
        && TextKey.Of(enrolled.LastName) == TextKey.Of(imported.LastName);
}
