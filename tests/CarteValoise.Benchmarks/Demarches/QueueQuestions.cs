using CarteValoise.Contracts.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>One question an agent asks of the queue: as the portal sends it to DemarcheDesk, and as the service asks the queue grain.</summary>
public sealed record QueueQuestion(string Key, string Label, ListRequestsRequest Desk, QueueFilter Grain);

/// <summary>The queue page's questions the benchmark times, all on the large commune, 50 lines a page as the portal asks.</summary>
public static class QueueQuestions
{
    public const int PageSize = 50;
    public const int LatePage = 500;

    public static IReadOnlyList<QueueQuestion> Of(string commune, string demarcheId, string stateId, string nameFragment, string reference) =>
    [
        Question("first_page", "first page, unfiltered", commune, new ListRequestsRequest(), Filter()),
        Question("demarche_state", $"{demarcheId} in state {stateId}", commune,
            new ListRequestsRequest { DemarcheId = demarcheId, StateId = stateId }, Filter() with { DemarcheId = demarcheId, StateId = stateId }),
        Question("overdue", "overdue only", commune, new ListRequestsRequest { OverdueOnly = true }, Filter() with { OverdueOnly = true }),
        Question("search_name", $"search «{nameFragment}» (part of a name)", commune,
            new ListRequestsRequest { Search = nameFragment }, Filter() with { Search = nameFragment }),
        Question("search_reference", $"search {reference}", commune, new ListRequestsRequest { Search = reference }, Filter() with { Search = reference }),
        Question("late_page", $"page {LatePage}, unfiltered", commune,
            new ListRequestsRequest { Page = LatePage }, Filter() with { Skip = (LatePage - 1) * PageSize }),
    ];

    /// <summary>The most lines the queue grain gives at once, as the export reads them.</summary>
    public const int ExportPage = RequestQueueGrain.MaxTake;

    public static int ExportPages(int lines) => Math.Max(1, (lines + ExportPage - 1) / ExportPage);

    /// <summary>Every line of one démarche, page after page of the grain's largest, as an export has to read them.</summary>
    public static async Task<IReadOnlyList<RequestSummary>> EveryLineAsync(IRequestQueueGrain queue, string demarcheId)
    {
        var lines = new List<RequestSummary>();
        while (true)
        {
            var page = await queue.Query(Filter() with { DemarcheId = demarcheId, Skip = lines.Count, Take = ExportPage }, DateTimeOffset.UtcNow);
            lines.AddRange(page.Lines);
            if (page.Lines.Count == 0 || lines.Count >= page.Total) return lines;
        }
    }

    private static QueueFilter Filter() => new(null, null, null, null, null, false, null, false, 0, PageSize);

    private static QueueQuestion Question(string key, string label, string commune, ListRequestsRequest desk, QueueFilter grain)
    {
        desk.CommuneInseeCode = commune;
        if (desk.Page == 0) desk.Page = 1;
        desk.PageSize = PageSize;
        return new QueueQuestion(key, label, desk, grain);
    }
}
