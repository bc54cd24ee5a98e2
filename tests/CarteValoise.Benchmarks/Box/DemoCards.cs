namespace CarteValoise.Benchmarks.Box;

/// <summary>
/// The cards the silo's demo seeding gives a school's children: "04" + INSEE + school index +
/// family number + child index (1–2) + "00", families numbered on through the commune's schools
/// (001–006 in E1, 007–012 in E2). Taps on them reach real child grains.
/// </summary>
public static class DemoCards
{
    private const int FamiliesPerSchool = 6;

    /// <param name="schoolId">"95127-E1"-shaped: INSEE, then E and the school index.</param>
    public static IReadOnlyList<string> Of(string schoolId)
    {
        var parts = schoolId.Split("-E");
        if (parts.Length != 2 || parts[0].Length != 5 || parts[1].Length != 1)
            throw new ArgumentException($"A demo school id looks like 95127-E1, not \"{schoolId}\".", nameof(schoolId));
        var school = parts[1][0] - '0';
        return [.. from family in Enumerable.Range((school - 1) * FamiliesPerSchool + 1, FamiliesPerSchool)
                   from child in Enumerable.Range(1, 2)
                   select $"04{parts[0]}{parts[1]}{family:D3}{child}00"];
    }
}
