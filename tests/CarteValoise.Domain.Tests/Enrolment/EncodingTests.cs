using System.Text;
using CarteValoise.Domain.Enrolment;
using static CarteValoise.Domain.Tests.Enrolment.ImportExamples;

namespace CarteValoise.Domain.Tests.Enrolment;

/// <summary>The encodings French software exports in; the test writes each file with .NET's own encoders.</summary>
public sealed class EncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Utf8_with_a_bom_reads_the_first_column_by_its_name()
    {
        var preview = Preview(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Export)).ToArray());

        Assert.Equal(ExportFamilies, preview.Families());
        Assert.Equal("UTF-8 avec BOM", preview.EncodingName);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public void Windows_1252_reads_Lea_and_Noel_with_their_accents()
    {
        var preview = Preview(Windows1252.GetBytes(Export));

        Assert.Equal(ExportFamilies, preview.Families());
        Assert.Equal(["Léa", "Noël"], preview.Families[0].Children.Select(c => c.FirstName));
        Assert.Equal("Windows-1252", preview.EncodingName);
    }

    [Fact]
    public void A_Windows_1252_accent_after_a_hundred_kilobytes_of_plain_rows_is_still_read_right()
    {
        var plain = Enumerable.Range(0, 800).Select(i => Row(family: $"{5000 + i}", name: "DURAND", childName: "DURAND", firstName: "Paul", card: $"04{i:X12}"));
        var csv = string.Join("\r\n", plain.Prepend(Header).Append(Row(family: "6000", name: "LOEW", childName: "LOEW", firstName: "Zoë", school: "École maternelle Pasteur", card: "")));
        var file = Windows1252.GetBytes(csv);
        Assert.True(file.Length > 100_000);

        var preview = Preview(file);

        Assert.Equal("Zoë", preview.Families[^1].Children[0].FirstName);
        Assert.Equal("ecole-pasteur", preview.Families[^1].Children[0].SchoolId);
        Assert.Equal("Windows-1252", preview.EncodingName);
    }

    [Fact]
    public void Excel_unicode_text_is_utf16_with_tabs()
    {
        var preview = Preview(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Export.Replace(';', '\t'))).ToArray());

        Assert.Equal(ExportFamilies.Select(f => f.Replace("»; bât.", "» bât.")), preview.Families());
        Assert.Equal(("UTF-16", '\t'), (preview.EncodingName, preview.Separator));
    }

    [Fact]
    public void A_file_mixing_both_encodings_is_read_and_flagged()
    {
        var file = Encoding.UTF8.GetBytes(Header + "\r\n" + Row() + "\r\n").Concat(Windows1252.GetBytes(Row(family: "1043", firstName: "Noël", card: "") + "\r\n")).ToArray();

        var preview = Preview(file);

        Assert.Equal(["Léa", "Noël"], preview.Families.Select(f => f.Children[0].FirstName));
        Assert.Equal("Le fichier mêle deux encodages (UTF-8 et Windows-1252) : vérifiez les accents des noms dans l'aperçu.", preview.Warnings[0].Text);
        Assert.Equal("UTF-8 et Windows-1252 mêlés", preview.EncodingName);
    }

    [Fact]
    public void Characters_beyond_the_basic_plane_survive()
    {
        var preview = PreviewRows(Row(firstName: "Léa 🌟"));

        Assert.Equal("Léa 🌟", preview.Families[0].Children[0].FirstName);
    }
}
