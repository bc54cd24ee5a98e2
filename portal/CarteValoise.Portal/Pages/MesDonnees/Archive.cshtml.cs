using CarteValoise.Contracts.PersonalData;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace CarteValoise.Portal.Pages.MesDonnees;

/// <summary>
/// /MesDonnees/Archive: the zip of «Mes données», passed on chunk by chunk as the cloud sends it,
/// under the name it gives. A refusal comes with the first chunk, before anything is written, and
/// is the «Accès refusé» page.
/// </summary>
public sealed class ArchiveModel(PersonalData.PersonalDataClient personalData) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        using var call = personalData.DownloadMyData(new DownloadMyDataRequest(), cancellationToken: cancel);
        if (!await call.ResponseStream.MoveNext(cancel))
            throw new RpcException(new Status(GrpcStatus.Unavailable, "L'archive n'a pas été envoyée."));
        var first = call.ResponseStream.Current;
        var fileName = string.IsNullOrWhiteSpace(first.FileName) ? "mes-donnees.zip" : first.FileName;

        // Everything the platform holds on a household: no shared cache may keep it.
        Response.Headers.CacheControl = "private, no-store";
        Response.ContentType = "application/zip";
        Response.ContentLength = first.TotalBytes;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        await Response.Body.WriteAsync(first.Content.Memory, cancel);
        while (await call.ResponseStream.MoveNext(cancel))
            await Response.Body.WriteAsync(call.ResponseStream.Current.Content.Memory, cancel);
        return new EmptyResult();
    }
}
