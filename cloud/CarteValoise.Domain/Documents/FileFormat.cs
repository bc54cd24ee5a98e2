namespace CarteValoise.Domain.Documents;

/// <summary>The formats the safe accepts, as found from a file's content.</summary>
public sealed record FileFormat(string Name, string ContentType, string Extension, IReadOnlyList<string> Extensions)
{
    public static readonly FileFormat Pdf = new("PDF", "application/pdf", ".pdf", [".pdf"]);
    public static readonly FileFormat Jpeg = new("JPEG", "image/jpeg", ".jpg", [".jpg", ".jpeg", ".jpe", ".jfif"]);
    public static readonly FileFormat Png = new("PNG", "image/png", ".png", [".png"]);

    public static IReadOnlyList<FileFormat> All { get; } = [Pdf, Jpeg, Png];

    public static FileFormat? ByContentType(string? contentType) => All.FirstOrDefault(f => f.ContentType == contentType);
}
