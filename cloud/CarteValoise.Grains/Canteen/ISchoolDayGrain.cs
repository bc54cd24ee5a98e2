namespace CarteValoise.Grains.Canteen;

/// <summary>One school on one day (key from <see cref="GrainKeys.SchoolDay"/>): the children who took a meal.</summary>
public interface ISchoolDayGrain : IGrainWithStringKey
{
    /// <summary>Counts the child once, whichever tap reports it and however often.</summary>
    Task RecordMeal(string childId, string tapId);
    Task Flush();
    Task<int> GetMealCount();
    /// <summary>The children who took a meal that day.</summary>
    Task<IReadOnlyList<string>> GetMealChildIds();
}
