namespace CarteValoise.Grains.Canteen;

/// <summary>One school on one day (key from <see cref="GrainKeys.SchoolDay"/>): the children who took a meal.</summary>
public interface ISchoolDayGrain : IGrainWithStringKey
{
    /// <summary>Counts the child once, whichever tap reports it and however often.</summary>
    Task RecordMeal(string childId, string tapId);
    /// <summary>
    /// Counts each meal as <see cref="RecordMeal"/> does and has the day on storage when it returns,
    /// whatever this activation held before: one write for the lot, none when storage already holds them.
    /// </summary>
    Task RecordMealsDurably(IReadOnlyList<MealTaken> meals);
    Task Flush();
    Task<int> GetMealCount();
    /// <summary>The children who took a meal that day.</summary>
    Task<IReadOnlyList<string>> GetMealChildIds();
}

/// <summary>A child's meal of a school day (<see cref="SchoolDayId"/>, key of the school-day grain), counted by the tap that was it.</summary>
[GenerateSerializer, Immutable]
public sealed record MealTaken([property: Id(0)] string SchoolDayId, [property: Id(1)] string ChildId, [property: Id(2)] string TapId);
