using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Contracts.Documents;
using CarteValoise.Contracts.Households;
using CarteValoise.Domain.Calendar;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Accounts;
using Google.Protobuf;
using Grpc.Core;

namespace CarteValoise.EndToEnd.Tests.Demarches;

/// <summary>
/// A citizen of a test's own, with a name nobody else has (so that a search by name finds them or
/// nobody): registered and confirmed through the mailed link, a household in Cergy, a pièce
/// d'identité valid for five more years in the safe, and their session on the cloud.
/// </summary>
public sealed class DemarcheCitizen
{
    public const string ActeDeNaissance = "acte-naissance";

    private DemarcheCitizen(Citizen account, Metadata session, SafeDocument identity) =>
        (Account, Session, Identity) = (account, session, identity);

    public Citizen Account { get; }

    public Metadata Session { get; }

    public SafeDocument Identity { get; }

    public string Name => Account.DisplayName;

    public static async Task<DemarcheCitizen> NewAsync(PlatformFixture platform, DemarchesApi api)
    {
        var (account, session) = await WithHouseholdAsync(platform, api);
        return new DemarcheCitizen(account, session, await UploadIdentityAsync(api, session));
    }

    /// <summary>
    /// An account of a name nobody else has, confirmed through the mailed link, with a household in
    /// Cergy (born 14 May 1990), and its session on the cloud; nothing in its safe yet.
    /// </summary>
    public static async Task<(Citizen Account, Metadata Session)> WithHouseholdAsync(PlatformFixture platform, DemarchesApi api)
    {
        // Letters only, so that the name reads as one: «Léa Vaucelqzhrk».
        var family = "Vaucel" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5)]).PadRight(5, 'x');
        var account = new Citizen("Léa", family, Citizen.New().Email, Citizen.GoodPassword);
        await api.Accounts.RegisterAsync(new RegisterRequest
        {
            GivenName = account.GivenName,
            FamilyName = account.FamilyName,
            Email = account.Email,
            Password = account.Password,
        }, deadline: DemarchesApi.Deadline);
        var link = await account.LinkMailedAsync(platform, "/Inscription/Confirmation");
        await api.Accounts.VerifyEmailAsync(new VerifyEmailRequest { Token = Citizen.TokenOf(link) }, deadline: DemarchesApi.Deadline);
        var session = await api.SignInAsync(account.Email, account.Password);

        await api.Households.CreateHouseholdAsync(new CreateHouseholdRequest
        {
            OperationId = Guid.NewGuid().ToString("N"),
            CommuneInseeCode = Demo.Cergy,
            Me = new HouseholdAdult
            {
                FirstName = account.GivenName,
                LastName = account.FamilyName,
                BirthDate = BirthDate,
                Relationship = HouseholdRelationship.Parent,
            },
        }, session, DemarchesApi.Deadline);
        return (account, session);
    }

    public const string BirthDate = "1990-05-14";

    /// <summary>A carte nationale d'identité, as a small PDF, that expires in five years.</summary>
    private static async Task<SafeDocument> UploadIdentityAsync(DemarchesApi api, Metadata session)
    {
        using var call = api.Documents.UploadDocument(session, DemarchesApi.Deadline);
        await call.RequestStream.WriteAsync(new UploadDocumentChunk
        {
            Header = new UploadDocumentHeader
            {
                TypeCode = "piece-identite",
                FileName = "carte-identite.pdf",
                Date = ServiceDay.Format(ServiceDay.Today(TimeProvider.System).AddYears(5)),
                DeclaredContentType = "application/pdf",
            },
        });
        await call.RequestStream.WriteAsync(new UploadDocumentChunk { Content = ByteString.CopyFrom(SampleFiles.Pdf("Carte nationale d'identite")) });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>The acte de naissance form of Cergy, new and prefilled.</summary>
    public async Task<Form> FormAsync(DemarchesApi api) =>
        await api.Citizen.GetFormAsync(new GetFormRequest { CommuneInseeCode = Demo.Cergy, DemarcheId = ActeDeNaissance }, Session, DemarchesApi.Deadline);

    /// <summary>
    /// Saves the form's pages one after the other, as the cloud leads from one to the next, and
    /// stops after <paramref name="pages"/> of them (all when null); returns the draft as last saved.
    /// </summary>
    public async Task<DraftSaved> FillAsync(DemarchesApi api, int? pages = null, IReadOnlyDictionary<string, string>? chosen = null)
    {
        chosen ??= new Dictionary<string, string>();
        var form = await FormAsync(api);
        var page = form.Definition.Pages.First(p => p.Condition is null);
        DraftSaved? saved = null;
        for (var done = 0; pages is null || done < pages; done++)
        {
            var request = new SaveDraftPageRequest
            {
                DraftId = saved?.DraftId ?? "",
                CommuneInseeCode = Demo.Cergy,
                DemarcheId = ActeDeNaissance,
                PageId = page.PageId,
            };
            request.Answers.Add(FormAnswers.For(form, page, Name, Account.Email, chosen));
            saved = await api.Citizen.SaveDraftPageAsync(request, Session, DemarchesApi.Deadline);
            if (saved.NextPageId.Length == 0) break;
            form = saved.Form;
            page = form.Definition.Pages.Single(p => p.PageId == saved.NextPageId);
        }
        return saved ?? throw new Xunit.Sdk.XunitException("No page of the form was saved.");
    }

    /// <summary>An acte de naissance filed online with every page answered and the identity document of the safe.</summary>
    public async Task<RequestDetail> FileAsync(DemarchesApi api)
    {
        var draft = await FillAsync(api);
        Assert.Equal("", draft.NextPageId);
        return await api.Citizen.SubmitDraftAsync(new SubmitDraftRequest { DraftId = draft.DraftId, OperationId = Guid.NewGuid().ToString("N") },
            Session, DemarchesApi.Deadline);
    }

    public async Task<MyDemarches> MineAsync(DemarchesApi api) =>
        await api.Citizen.ListMyDemarchesAsync(new ListMyDemarchesRequest(), Session, DemarchesApi.Deadline);
}
