using System.Diagnostics;
using Xunit.Abstractions;
using CarteValoise.Domain.Enrolment;
using static CarteValoise.Domain.Tests.Enrolment.ImportExamples;

namespace CarteValoise.Domain.Tests.Enrolment;

public sealed class LargeFileTests(ITestOutputHelper output)
{
    /// <summary>The import reads a row, then the next: what it has read is never far ahead of its rows.</summary>
    private const long ReadAhead = 128 * 1024;

    [Fact]
    public void Twenty_thousand_children_are_read_row_by_row_with_progress()
    {
        var file = new GeneratedExport(rows: 20_000);
        var reports = new List<ImportProgress>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var preview = FamiliesCsvImport.Preview(file, Options with { TotalBytes = file.Length }, new Reports(reports));

        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(new ImportTotals(Rows: 20_000, RowsAccepted: 20_000, RowsRejected: 0, Families: 10_001, Children: 20_000, ChildrenWithoutCard: 0, Errors: 0, Warnings: preview.Totals.Warnings),
            preview.Totals);
        Assert.Equal(file.Families, preview.Families.Count);
        Assert.Equal(Enumerable.Range(0, 41).Select(i => i * 500).Append(20_000), reports.Select(r => r.RowsRead));
        Assert.All(reports, r => Assert.InRange(r.BytesRead!.Value, file.EndOfRow(r.RowsRead), file.EndOfRow(r.RowsRead) + ReadAhead));
        Assert.Equal(new ImportProgress(20_000, file.Length, file.Length), reports[^1]);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(preview.CanImport);
        // A second reading once the code is compiled: what every import but the first after a start costs.
        var again = Stopwatch.StartNew();
        FamiliesCsvImport.Preview(new GeneratedExport(rows: 20_000), Options);
        again.Stop();
        output.WriteLine($"20 000 lignes, {file.Length / 1024.0 / 1024.0:F1} Mo : première lecture {clock.ElapsedMilliseconds} ms (compilation comprise), "
            + $"seconde {again.ElapsedMilliseconds} ms ({file.Length / 1024.0 / 1024.0 / again.Elapsed.TotalSeconds:F1} Mo/s) ; "
            + $"{allocated / 1024.0 / 1024.0:F0} Mo alloués en tout (générateur compris) ; {preview.Totals.Warnings} avertissements.");
    }
}
