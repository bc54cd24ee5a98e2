using CarteValoise.Domain.Documents;

namespace CarteValoise.Domain.Tests.Documents;

public sealed class ContentSnifferTests
{
    [Fact]
    public void A_real_pdf_jpeg_and_png_are_recognised_by_their_content()
    {
        Assert.Equal(FileFormat.Pdf, ContentSniffer.Sniff(SampleFiles.Pdf()).Format);
        Assert.Equal(FileFormat.Jpeg, ContentSniffer.Sniff(SampleFiles.Jpeg()).Format);
        Assert.Equal(FileFormat.Png, ContentSniffer.Sniff(SampleFiles.Png()).Format);
    }

    [Fact]
    public void A_pdf_may_end_with_blank_lines_after_its_trailer()
    {
        Assert.True(ContentSniffer.Sniff([.. SampleFiles.Pdf(), .. "\r\n\r\n"u8.ToArray()]).Accepted);
    }

    [Theory]
    [InlineData("program", "est un programme exécutable, pas un document")]
    [InlineData("elf", "est un programme exécutable, pas un document")]
    [InlineData("zip", "est une archive compressée (ZIP ou document Office, par exemple), pas un PDF ni une image")]
    [InlineData("script", "est un script, pas un document")]
    [InlineData("page", "est une page web ou un script, pas un document")]
    [InlineData("text", "n'est ni un PDF, ni une image JPEG, ni une image PNG")]
    [InlineData("empty", "est vide")]
    public void Anything_else_is_refused_and_a_program_archive_or_script_is_named(string sample, string refusal)
    {
        var content = sample switch
        {
            "program" => SampleFiles.WindowsProgram(),
            "elf" => SampleFiles.LinuxProgram(),
            "zip" => SampleFiles.Zip(),
            "script" => SampleFiles.ShellScript(),
            "page" => SampleFiles.WebPage(),
            "text" => "Bonjour"u8.ToArray(),
            _ => [],
        };

        var sniffed = ContentSniffer.Sniff(content);

        Assert.Equal((null, refusal), (sniffed.Format, sniffed.Refusal));
    }

    [Fact]
    public void A_pdf_header_on_something_else_is_not_a_pdf()
    {
        var header = ContentSniffer.Sniff("%PDF-1.7\nMZ and then nothing a PDF ends with"u8);
        var truncated = SampleFiles.Pdf();

        Assert.Equal("commence comme un PDF mais n'en est pas un complet (fichier tronqué ou endommagé)", header.Refusal);
        Assert.False(ContentSniffer.Sniff(truncated.AsSpan(0, truncated.Length - 20)).Accepted);
    }

    [Fact]
    public void A_truncated_or_altered_image_is_refused()
    {
        var jpeg = SampleFiles.Jpeg();
        var png = SampleFiles.Png();
        var alteredPng = png.ToArray();
        alteredPng[40] ^= 0x01; // inside IDAT: its CRC no longer holds

        Assert.Equal("commence comme un JPEG mais n'en est pas un complet (fichier tronqué ou endommagé)", ContentSniffer.Sniff(jpeg.AsSpan(0, jpeg.Length - 2)).Refusal);
        Assert.Equal("commence comme un PNG mais n'en est pas un complet (fichier tronqué ou endommagé)", ContentSniffer.Sniff(png.AsSpan(0, png.Length - 12)).Refusal);
        Assert.False(ContentSniffer.Sniff(alteredPng).Accepted);
        Assert.False(ContentSniffer.Sniff([0xFF, 0xD8, 0xFF, 0xD9]).Accepted);
    }
}
