using CarteValoise.Domain.Demarches;

namespace CarteValoise.Grains.Demarches;

/// <summary>A commune's statistics per démarche over the requests filed between two Paris days, in one pass over the queue.</summary>
internal static class QueueFigures
{
    /// <summary>The chart shows two years at most: the latest months.</summary>
    public const int MaxMonths = 24;

    private static readonly StringComparer Titles = StringComparer.InvariantCultureIgnoreCase;

    public static CommuneFigures Of(IEnumerable<QueueLine> lines, DateOnly? from, DateOnly? to)
    {
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        int? firstMonth = null, lastMonth = null;
        foreach (var line in lines)
        {
            if (line.SubmittedDay < from || line.SubmittedDay > to) continue;
            var summary = line.Summary;
            if (!tallies.TryGetValue(summary.DemarcheId, out var tally)) tallies[summary.DemarcheId] = tally = new Tally();
            tally.Add(line);
            var month = line.SubmittedMonth;
            firstMonth = Math.Min(firstMonth ?? month, month);
            lastMonth = Math.Max(lastMonth ?? month, month);
        }
        if (lastMonth is not { } last) return new CommuneFigures([], []);

        var first = Math.Max(firstMonth!.Value, last - MaxMonths + 1);
        var months = Enumerable.Range(first, last - first + 1).Select(key => new DateOnly(key / 12, key % 12 + 1, 1)).ToList();
        return new CommuneFigures(months, [.. tallies
            .Select(pair => pair.Value.Figures(pair.Key, first, months.Count))
            .OrderBy(figures => figures.Title, Titles)
            .ThenBy(figures => figures.DemarcheId, StringComparer.Ordinal)]);
    }

    private sealed class Tally
    {
        private readonly List<double> _days = [];
        private readonly Dictionary<int, int> _perMonth = [];
        private string _title = "";
        private DateTimeOffset _latest = DateTimeOffset.MinValue;
        private int _received, _inProgress, _decided, _online, _kiosk, _counter;

        public void Add(QueueLine line)
        {
            var summary = line.Summary;
            _received++;
            // The title of the latest filing: a démarche renamed since reads under its new name.
            if (summary.SubmittedAt >= _latest) (_latest, _title) = (summary.SubmittedAt, summary.Title);
            if (summary.StateKind.IsFinal())
            {
                _decided++;
                if (summary.DecidedAt is { } decidedAt) _days.Add((decidedAt - summary.SubmittedAt).TotalDays);
            }
            else _inProgress++;
            switch (summary.Channel)
            {
                case RequestChannel.Kiosk: _kiosk++; break;
                case RequestChannel.Counter: _counter++; break;
                default: _online++; break;
            }
            var month = line.SubmittedMonth;
            _perMonth[month] = _perMonth.GetValueOrDefault(month) + 1;
        }

        public DemarcheFigures Figures(string demarcheId, int firstMonth, int monthCount)
        {
            _days.Sort();
            var median = _days.Count == 0 ? 0 : ProcessingTimes.Percentile(_days, 50);
            var p90 = _days.Count == 0 ? 0 : ProcessingTimes.Percentile(_days, 90);
            var perMonth = Enumerable.Range(firstMonth, monthCount).Select(month => _perMonth.GetValueOrDefault(month)).ToList();
            return new DemarcheFigures(demarcheId, _title, _received, _inProgress, _decided, median, p90, _online, _kiosk, _counter, perMonth);
        }
    }
}
