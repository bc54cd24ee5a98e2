using System.Text;
using CarteValoise.Domain.Enrolment;
using static CarteValoise.Domain.Tests.Enrolment.ImportExamples;

namespace CarteValoise.Domain.Tests.Enrolment;

public sealed class RobustnessTests
{
    [Fact]
    public void Every_column_name_and_other_name_is_read_as_its_column()
    {
        foreach (var column in ImportColumns.All)
            foreach (var name in column.OtherNames.Prepend(column.Name).SelectMany(n => new[] { n, n.ToUpperInvariant(), $" {n.ToLowerInvariant()} " }))
                Assert.Equal((name, column.Column), (name, ImportColumns.Named(name)));
    }

    /// <summary>
    /// A thousand damaged copies of an export (stray quotes, separators, line breaks, bytes of
    /// another encoding, cut short): the preview always comes back, and its totals add up.
    /// </summary>
    [Fact]
    public void Damaged_files_never_throw_and_their_totals_add_up()
    {
        var random = new Random(20261210);
        var original = Encoding.UTF8.GetBytes(Export);
        byte[] damage = [(byte)'"', (byte)';', (byte)'\n', (byte)'\r', 0xE9, 0xC3, 0x00, (byte)' ', (byte)','];
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var file = original.ToList();
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                var at = random.Next(file.Count);
                switch (random.Next(3))
                {
                    case 0: file.Insert(at, damage[random.Next(damage.Length)]); break;
                    case 1: file.RemoveAt(at); break;
                    default: file.RemoveRange(at, file.Count - at); break;
                }
                if (file.Count == 0) break;
            }

            var preview = Preview([.. file]);

            var totals = preview.Totals;
            Assert.Equal(totals.Rows, totals.RowsAccepted + totals.RowsRejected);
            Assert.Equal(totals.RowsAccepted, totals.Children);
            Assert.Equal(totals.Children, preview.Families.Sum(f => f.Children.Count));
            Assert.Equal(preview.Errors.Count, totals.Errors);
            Assert.Equal(preview.CanImport, totals.Errors == 0 && preview.Families.Count > 0);
        }
    }
}
