using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteValoise.Portal.DocumentSafe;

/// <summary>A downloaded document as the browser receives it: to save under its name, never kept by a shared cache.</summary>
public static class SafeFile
{
    public static FileContentResult Of(PageModel page, DownloadedDocument download)
    {
        page.Response.Headers.CacheControl = "private, no-store";
        var document = download.Document;
        var type = document.ContentType is "application/pdf" or "image/jpeg" or "image/png" ? document.ContentType : "application/octet-stream";
        return new FileContentResult(download.Content, type) { FileDownloadName = document.FileName };
    }
}
