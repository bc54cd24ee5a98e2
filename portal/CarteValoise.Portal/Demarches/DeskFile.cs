using CarteValoise.Contracts.Demarches;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.Demarches;

/// <summary>A file the cloud made (the queue's CSV, a request's PDF, a definition's JSON), saved under its name and never kept by a shared cache.</summary>
public static class DeskFile
{
    public static FileContentResult Of(PageModel page, RequestFile file) =>
        Of(page, file.Content.ToByteArray(), file.ContentType, file.FileName);

    public static FileContentResult Of(PageModel page, byte[] content, string contentType, string fileName)
    {
        page.Response.Headers.CacheControl = "private, no-store";
        var type = contentType is { Length: > 0 } ? contentType : "application/octet-stream";
        return new FileContentResult(content, type) { FileDownloadName = fileName };
    }
}
