using System.Globalization;
using System.Net;
using CarteValoise.Contracts.Documents;
using CarteValoise.Contracts.Households;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using Grpc.Core;
using Grpc.Net.Client;
using DocumentsService = CarteValoise.Contracts.Documents.Documents;
using HouseholdsService = CarteValoise.Contracts.Households.Households;

namespace CarteValoise.EndToEnd.Tests.Web.Household;

/// <summary>
/// A citizen of a test's own: registered and confirmed, signed in on the portal, with a household
/// in Cergy made through /Dossier (no address, no child yet), and the cloud's Households and
/// Documents services under their own session, to check the pages against the truth.
/// </summary>
public sealed class DossierCitizen : IDisposable
{
    public const string Cergy = "95127";

    private readonly GrpcChannel channel;

    private DossierCitizen(Citizen citizen, WebSession web, GrpcChannel channel, Metadata session)
    {
        (Citizen, Web, this.channel, Session) = (citizen, web, channel, session);
    }

    public Citizen Citizen { get; }

    public WebSession Web { get; }

    public Metadata Session { get; }

    public HouseholdsService.HouseholdsClient Households => new(channel);

    public DocumentsService.DocumentsClient DocumentSafe => new(channel);

    /// <summary>The form of /Dossier that creates the household, as the citizen fills it in.</summary>
    public static Dictionary<string, string> Me(string phone = "06 39 98 10 01", string caf = "1234567", string birthDate = "1988-04-21") => new()
    {
        ["commune"] = Cergy,
        ["prenom"] = "Camille",
        ["nom"] = "Martin",
        ["date-naissance"] = birthDate,
        ["lien"] = "Parent",
        ["courriel"] = "",
        ["telephone"] = phone,
        ["employeur"] = "Centre hospitalier René-Dubos",
        ["caf"] = caf,
    };

    public static async Task<DossierCitizen> StartAsync(PlatformFixture platform)
    {
        var citizen = await Citizen.ConfirmedAsync(platform);
        var web = new WebSession(await platform.PortalAsync());
        var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        try
        {
            // Signed in whatever the home page makes of an account without a commune's family.
            await web.SignInAsync(citizen.Email, citizen.Password);
            var created = await web.SubmitFormHoldingAsync("/Dossier", "commune", Me());
            Assert.Equal(HttpStatusCode.OK, created.Status);
            Assert.Contains("Votre dossier famille est créé.", created.Text);
            using var cloud = new CloudApi(await platform.CloudAsync());
            return new DossierCitizen(citizen, web, channel, await cloud.SignInAsync(citizen.Email, citizen.Password));
        }
        catch
        {
            web.Dispose();
            channel.Dispose();
            throw;
        }
    }

    public async Task<MyHousehold> HouseholdAsync() =>
        await Households.GetMyHouseholdAsync(new GetMyHouseholdRequest(), Session, CloudApi.Deadline);

    public async Task<IReadOnlyList<DossierChange>> ChangesAsync() =>
        (await Households.ListMyDossierChangesAsync(new ListMyDossierChangesRequest(), Session, CloudApi.Deadline)).Changes;

    /// <summary>Puts a small PDF in the citizen's document safe, dated today: a proof still valid.</summary>
    public async Task<SafeDocument> UploadAsync(string typeCode, string fileName)
    {
        using var call = DocumentSafe.UploadDocument(Session, CloudApi.Deadline);
        await call.RequestStream.WriteAsync(new UploadDocumentChunk
        {
            Header = new UploadDocumentHeader
            {
                TypeCode = typeCode,
                FileName = fileName,
                Date = TodayInParis().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DeclaredContentType = "application/pdf",
            },
        });
        await call.RequestStream.WriteAsync(new UploadDocumentChunk { Content = Google.Protobuf.ByteString.CopyFrom(SampleFiles.Pdf(fileName)) });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    public static DateOnly TodayInParis() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    public void Dispose()
    {
        Web.Dispose();
        channel.Dispose();
    }
}
