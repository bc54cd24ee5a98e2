using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CarteValoise.Cloud.Documents;

/// <summary>
/// An A4 document written from top to bottom: a cursor, text that wraps within a width, and a new
/// page when the next block does not fit. Coordinates are points from the top left corner.
/// </summary>
internal sealed class InvoiceCanvas : IDisposable
{
    public const double Left = 50;
    public const double Right = 545;
    public const double Width = Right - Left;
    public const double Bottom = 770;

    // One set of fonts per document: PDFsharp documents are not shared between threads, nor their fonts.
    public XFont Body { get; } = new(DejaVuFontResolver.Family, 9);
    public XFont Bold { get; } = new(DejaVuFontResolver.Family, 9, XFontStyleEx.Bold);
    public XFont Note { get; } = new(DejaVuFontResolver.Family, 8);
    public XFont Small { get; } = new(DejaVuFontResolver.Family, 7.5);
    public XFont Heading { get; } = new(DejaVuFontResolver.Family, 11, XFontStyleEx.Bold);
    public XFont Title { get; } = new(DejaVuFontResolver.Family, 14, XFontStyleEx.Bold);
    public static readonly XColor Rule = XColor.FromArgb(160, 160, 160);
    public static readonly XColor Shade = XColor.FromArgb(235, 238, 242);

    private readonly PdfDocument _document;
    private XGraphics _graphics;

    public InvoiceCanvas(PdfDocument document)
    {
        _document = document;
        _graphics = XGraphics.FromPdfPage(AddPage());
    }

    public double Y { get; set; } = 50;

    public XGraphics Graphics => _graphics;

    public bool Fits(double height) => Y + height <= Bottom;

    public void NewPage()
    {
        _graphics.Dispose();
        _graphics = XGraphics.FromPdfPage(AddPage());
        Y = 50;
    }

    private PdfPage AddPage()
    {
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    /// <summary>Writes <paramref name="text"/> at (x, y) in a box <paramref name="width"/> wide, wrapped; returns the height used.</summary>
    public double Text(string text, XFont font, double x, double y, double width, XStringAlignment alignment = XStringAlignment.Near)
    {
        var lines = Wrap(text, font, width);
        var format = new XStringFormat { Alignment = alignment, LineAlignment = XLineAlignment.Near };
        for (var i = 0; i < lines.Count; i++)
            _graphics.DrawString(lines[i], font, XBrushes.Black, new XRect(x, y + i * LineHeight(font), width, LineHeight(font)), format);
        return lines.Count * LineHeight(font);
    }

    /// <summary>The height <paramref name="text"/> takes once wrapped to <paramref name="width"/>.</summary>
    public double Height(string text, XFont font, double width) => Wrap(text, font, width).Count * LineHeight(font);

    public static double LineHeight(XFont font) => Math.Ceiling(font.Size * 1.3);

    public void Line(double y, double from = Left, double to = Right, double thickness = 0.5) =>
        _graphics.DrawLine(new XPen(Rule, thickness), from, y, to, y);

    public void Band(double y, double height) => _graphics.DrawRectangle(new XSolidBrush(Shade), Left, y, Width, height);

    /// <summary>Words to lines no wider than <paramref name="width"/>; a word wider than a line is cut.</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate, font, width)) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (!Fits(line, font, width) && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut], font, width)) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private bool Fits(string text, XFont font, double width) => _graphics.MeasureString(text, font).Width <= width;

    public void Dispose() => _graphics.Dispose();
}
