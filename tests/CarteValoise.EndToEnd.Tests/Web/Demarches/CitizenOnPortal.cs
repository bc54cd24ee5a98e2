using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.Documents;
using CarteValoise.Domain.Calendar;
using CarteValoise.EndToEnd.Tests.Demarches;
using CarteValoise.EndToEnd.Tests.Platform;
using Google.Protobuf;

namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// A citizen of a test's own (an account, a household in Cergy, a pièce d'identité in the safe, see
/// <see cref="DemarcheCitizen"/>) signed in on the portal, with the cloud's démarche services under
/// their session to check the pages against the truth.
/// </summary>
public sealed class CitizenOnPortal : IDisposable
{
    private CitizenOnPortal(DemarchesApi api, DemarcheCitizen citizen, WebSession web) => (Api, Citizen, Web) = (api, citizen, web);

    public DemarchesApi Api { get; }

    public DemarcheCitizen Citizen { get; }

    public WebSession Web { get; }

    public string Email => Citizen.Account.Email;

    /// <summary>Where the catalogue's «Commencer» leads for the acte de naissance of Cergy.</summary>
    public const string ActeDeNaissanceForm = "/Demarches/Formulaire?commune=95127&demarche=acte-naissance";

    public static async Task<CitizenOnPortal> StartAsync(PlatformFixture platform)
    {
        var api = new DemarchesApi(await platform.CloudAsync());
        var web = new WebSession(await platform.PortalAsync());
        try
        {
            var citizen = await DemarcheCitizen.NewAsync(platform, api);
            await web.SignInAsync(citizen.Account.Email, citizen.Account.Password);
            return new CitizenOnPortal(api, citizen, web);
        }
        catch
        {
            web.Dispose();
            api.Dispose();
            throw;
        }
    }

    public Task<MyDemarches> MineAsync() => Citizen.MineAsync(Api);

    /// <summary>Puts a small PDF of this type in the citizen's safe, valid from today.</summary>
    public async Task<SafeDocument> UploadAsync(string typeCode, string fileName)
    {
        using var call = Api.Documents.UploadDocument(Citizen.Session, DemarchesApi.Deadline);
        await call.RequestStream.WriteAsync(new UploadDocumentChunk
        {
            Header = new UploadDocumentHeader
            {
                TypeCode = typeCode,
                FileName = fileName,
                Date = ServiceDay.Format(ServiceDay.Today(TimeProvider.System)),
                DeclaredContentType = "application/pdf",
            },
        });
        await call.RequestStream.WriteAsync(new UploadDocumentChunk { Content = ByteString.CopyFrom(SampleFiles.Pdf(fileName)) });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public void Dispose()
    {
        Web.Dispose();
        Api.Dispose();
    }
}
