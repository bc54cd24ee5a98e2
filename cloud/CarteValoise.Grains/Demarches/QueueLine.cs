using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Grains.Demarches;

/// <summary>
/// A queue line as the queue holds it in memory: what a filter would otherwise compute for each line
/// at each query (the Paris day of filing, the name without accents or case) is computed once here.
/// </summary>
internal sealed class QueueLine(RequestSummary summary)
{
    public RequestSummary Summary { get; private set; } = summary;

    /// <summary>The filing day in Paris; a request never changes when it was filed.</summary>
    public DateOnly SubmittedDay { get; } = ServiceDay.Of(summary.SubmittedAt);

    /// <summary>The filing month as a number (year × 12 + month − 1), for the statistics' per-month counts.</summary>
    public int SubmittedMonth => SubmittedDay.Year * 12 + SubmittedDay.Month - 1;

    public string SearchName { get; private set; } = TextKey.Of(summary.CitizenName);

    public void Update(RequestSummary newer)
    {
        if (newer.CitizenName != Summary.CitizenName) SearchName = TextKey.Of(newer.CitizenName);
        Summary = newer;
    }

    /// <summary>Oldest first, by filing time then number: the queue reads it backwards, newest first.</summary>
    public static readonly IComparer<QueueLine> Filing = Comparer<QueueLine>.Create((a, b) =>
    {
        var order = a.Summary.SubmittedAt.CompareTo(b.Summary.SubmittedAt);
        if (order == 0) order = a.Summary.Number.CompareTo(b.Summary.Number);
        return order != 0 ? order : string.CompareOrdinal(a.Summary.Reference, b.Summary.Reference);
    });
}
