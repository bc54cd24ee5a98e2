using System.Security.Cryptography;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Enrolment.EnrolmentApi;

namespace CarteValoise.EndToEnd.Tests.Enrolment;

/// <summary>
/// An agent enrols a family and its children over gRPC against the real cloud, as the agents'
/// pages do: every bad input refused in French with nothing written, and another commune's agent
/// finding nothing. Each test works on families of its own, named with a tag of its own, in
/// Argenteuil, whose demo families the tap tests do not count.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FamiliesAndChildrenTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_creates_a_family_and_a_child_and_reads_them_in_the_dossier() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var name = $"Lefèvre-{Tag()}";

        var created = await api.Enrolment.SaveFamilyAsync(new SaveFamilyRequest
        {
            CommuneInseeCode = Commune, Name = $"  {name} ", Address = "12 rue des Écoles", PostalCode = "95100", City = "Argenteuil",
            Phone = "06.39.98.12.34", Email = "famille.lefevre@example.fr",
        }, agent, CloudApi.Deadline);

        Assert.Matches(@"^95018-F\d{3}$", created.FamilyId);
        Assert.Equal((name, Commune, "12 rue des Écoles", "95100", "Argenteuil", "06 39 98 12 34", "famille.lefevre@example.fr", -1, "", false, "", 0L),
            (created.Name, created.CommuneInseeCode, created.Address, created.PostalCode, created.City, created.Phone, created.Email,
                created.QuotientFamilial, created.QuotientFamilialJustifiedOn, created.LivesOutsideCommune, created.FormerNumber, created.BalanceCents));
        Assert.Empty(created.Children);

        var child = ChildOf(created.FamilyId, "Zoé", "Lefèvre", "2019-03-14", School, "CE2");
        child.Standing.Add(Standing(SchoolServiceKind.SchoolServiceCanteen, 5, 1, 2, 4));
        child.Standing.Add(Standing(SchoolServiceKind.SchoolServiceEveningCare, 1, 4));
        var withChild = await api.Enrolment.SaveChildAsync(child, agent, CloudApi.Deadline);

        var enrolled = Assert.Single(withChild.Children);
        Assert.Matches("^95018-C[0-9A-F]{10}$", enrolled.ChildId);
        Assert.Equal(("Zoé", "Lefèvre", "2019-03-14", School, SchoolName, "CE2", "", CardState.None),
            (enrolled.FirstName, enrolled.LastName, enrolled.BirthDate, enrolled.SchoolId, enrolled.SchoolName, enrolled.Class, enrolled.CardUid, enrolled.CardState));
        Assert.Equal([1, 2, 4, 5], enrolled.CanteenDays);
        Assert.Equal([(SchoolServiceKind.SchoolServiceCanteen, new[] { 1, 2, 4, 5 }), (SchoolServiceKind.SchoolServiceEveningCare, new[] { 1, 4 })],
            enrolled.Standing.Select(s => (s.Service, s.Days.ToArray())));

        var dossier = await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = created.FamilyId, Reason = "inscription à la cantine" }, agent, CloudApi.Deadline);
        Assert.Equal(withChild, dossier);

        // Found by the child's name whatever the accents and case, and by the family's id.
        Assert.Contains(created.FamilyId, (await api.SearchAsync(agent, "ZOE lefevre")).Families.Select(f => f.FamilyId));
        var listed = await api.SearchAsync(agent, created.FamilyId);
        Assert.Equal(1, listed.Total);
        Assert.Equal(new FamilyListItem { FamilyId = created.FamilyId, Name = name, Children = 1, QuotientFamilial = -1, BalanceCents = 0 }, Assert.Single(listed.Families));
    });

    [Fact]
    public Task A_family_with_bad_details_is_refused_with_every_problem_and_not_created() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var tag = Tag();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SaveFamilyAsync(new SaveFamilyRequest
        {
            CommuneInseeCode = Commune, Name = " ", City = $"Argenteuil {tag}", PostalCode = "951", Phone = "06 39 98", Email = "famille@",
        }, agent, CloudApi.Deadline));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            [
                "Le nom de famille est obligatoire.",
                "Le code postal « 951 » doit compter 5 chiffres, par exemple 95000.",
                "Le numéro de téléphone « 06 39 98 » n'est pas valide : 10 chiffres, par exemple 01 34 56 78 90.",
                "L'adresse électronique « famille@ » n'est pas valide (par exemple marie.martin@example.fr).",
            ],
            refused.Status.Detail.Split('\n'));
        var named = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SaveFamilyAsync(
            new SaveFamilyRequest { CommuneInseeCode = Commune, Name = $"Petit-{tag}", Email = "petit@example" }, agent, CloudApi.Deadline));
        Assert.Equal("L'adresse électronique « petit@example » n'est pas valide (par exemple marie.martin@example.fr).", named.Status.Detail);
        Assert.Equal(0, (await api.SearchAsync(agent, tag)).Total);
    });

    [Fact]
    public Task A_quotient_out_of_range_or_justified_tomorrow_is_refused_and_the_quotient_stays() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var family = await NewFamily(api, agent);

        var set = await api.Enrolment.SetQuotientFamilialAsync(
            new SetQuotientFamilialRequest { FamilyId = family.FamilyId, QuotientFamilial = 650, JustifiedOn = "2026-09-15" }, agent, CloudApi.Deadline);
        Assert.Equal((650, "2026-09-15"), (set.QuotientFamilial, set.QuotientFamilialJustifiedOn));

        var tooHigh = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SetQuotientFamilialAsync(
            new SetQuotientFamilialRequest { FamilyId = family.FamilyId, QuotientFamilial = 12_500, JustifiedOn = "2026-09-20" }, agent, CloudApi.Deadline));
        Assert.Equal(StatusCode.InvalidArgument, tooHigh.StatusCode);
        Assert.Equal("Le quotient familial 12 500 est hors des bornes admises : il doit être compris entre 0 et 10 000.", tooHigh.Status.Detail);
        Assert.Equal(QuotientFamilialRange.ProblemWith(12_500), tooHigh.Status.Detail);

        var tomorrow = FamilyTaps.ParisDay(DateTimeOffset.UtcNow).AddDays(1);
        var future = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SetQuotientFamilialAsync(
            new SetQuotientFamilialRequest { FamilyId = family.FamilyId, QuotientFamilial = 700, JustifiedOn = FamilyTaps.Wire(tomorrow) }, agent, CloudApi.Deadline));
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Equal($"Le justificatif du quotient familial ne peut pas être daté du {FrenchText.Day(tomorrow)}, après aujourd'hui : vérifiez la date du document.",
            future.Status.Detail);

        var undated = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SetQuotientFamilialAsync(
            new SetQuotientFamilialRequest { FamilyId = family.FamilyId, QuotientFamilial = 700 }, agent, CloudApi.Deadline));
        Assert.Equal("Indiquez la date du justificatif du quotient familial (attestation CAF, avis d'imposition).", undated.Status.Detail);

        var dossier = await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId, Reason = "vérification" }, agent, CloudApi.Deadline);
        Assert.Equal((650, "2026-09-15"), (dossier.QuotientFamilial, dossier.QuotientFamilialJustifiedOn));
        Assert.Equal(650, Assert.Single((await api.SearchAsync(agent, family.FamilyId)).Families).QuotientFamilial);
    });

    [Fact]
    public Task Another_commune_s_agent_finds_nothing_and_changes_nothing() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var family = await NewFamily(api, agent);
        var withChild = await api.Enrolment.SaveChildAsync(ChildOf(family.FamilyId, "Inès", family.Name, "2018-06-02", School, "CE1"), agent, CloudApi.Deadline);
        var childId = Assert.Single(withChild.Children).ChildId;
        var before = await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId }, agent, CloudApi.Deadline);

        var other = await api.SignInAsync(OtherCommuneAgent);
        var unknownFamily = new (string Call, Func<Task> Attempt)[]
        {
            ("GetFamilyDossier", async () => await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId, Reason = "curiosité" }, other, CloudApi.Deadline)),
            ("SetQuotientFamilial", async () => await api.Enrolment.SetQuotientFamilialAsync(new SetQuotientFamilialRequest { FamilyId = family.FamilyId, QuotientFamilial = 100, JustifiedOn = "2026-09-01" }, other, CloudApi.Deadline)),
            ("SaveFamily", async () => await api.Enrolment.SaveFamilyAsync(new SaveFamilyRequest { FamilyId = family.FamilyId, Name = "Autre" }, other, CloudApi.Deadline)),
            ("SaveChild", async () => await api.Enrolment.SaveChildAsync(ChildOf(family.FamilyId, "Intrus", "Autre", "2018-01-01", "95500-E1", "CP"), other, CloudApi.Deadline)),
        };
        foreach (var (call, attempt) in unknownFamily)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal((call, StatusCode.NotFound, "Famille introuvable."), (call, refused.StatusCode, refused.Status.Detail));
        }
        var unknownChild = new (string Call, Func<Task> Attempt)[]
        {
            ("IssueCard", async () => await api.Enrolment.IssueCardAsync(new IssueCardRequest { ChildId = childId, CardUid = NewCard() }, other, CloudApi.Deadline)),
            ("ReportCardLost", async () => await api.Enrolment.ReportCardLostAsync(new ReportCardLostRequest { ChildId = childId }, other, CloudApi.Deadline)),
            ("GetChildTaps", async () => await api.Enrolment.GetChildTapsAsync(new GetChildTapsRequest { ChildId = childId }, other, CloudApi.Deadline)),
        };
        foreach (var (call, attempt) in unknownChild)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal((call, StatusCode.NotFound, "Enfant introuvable."), (call, refused.StatusCode, refused.Status.Detail));
        }
        var commune = new (string Call, Func<Task> Attempt)[]
        {
            ("ListFamilies", async () => await api.Enrolment.ListFamiliesAsync(new ListFamiliesRequest { CommuneInseeCode = Commune }, other, CloudApi.Deadline)),
            ("SaveFamily", async () => await api.Enrolment.SaveFamilyAsync(new SaveFamilyRequest { CommuneInseeCode = Commune, Name = "Autre" }, other, CloudApi.Deadline)),
            ("PreviewFamilyImport", () => api.PreviewAsync(other, "N° famille\n"u8.ToArray())),
        };
        foreach (var (call, attempt) in commune)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(attempt);
            Assert.Equal((call, StatusCode.PermissionDenied, "Accès refusé aux données de cette commune."), (call, refused.StatusCode, refused.Status.Detail));
        }

        Assert.Equal(before, await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId }, agent, CloudApi.Deadline));
    });

    [Fact]
    public Task A_parent_cannot_enrol() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var parent = await api.Cloud.SignInAsync("parent.argenteuil@demo.cartevaloise.fr", Demo.ParentPassword);

        var list = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.Enrolment.ListFamiliesAsync(new ListFamiliesRequest { CommuneInseeCode = Commune }, parent, CloudApi.Deadline));
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        // Even their own family is not theirs to enrol in: this service is the agents'.
        var own = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = "95018-F001" }, parent, CloudApi.Deadline));
        Assert.Equal((StatusCode.NotFound, "Famille introuvable."), (own.StatusCode, own.Status.Detail));
    });

    [Fact]
    public Task A_child_with_bad_details_is_refused_with_every_problem_and_not_enrolled() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var family = await NewFamily(api, agent);
        var tomorrow = FamilyTaps.ParisDay(DateTimeOffset.UtcNow).AddDays(1);
        var request = ChildOf(family.FamilyId, "", "Martin", FamilyTaps.Wire(tomorrow), "95500-E1", "CP");
        request.Standing.Add(Standing(SchoolServiceKind.SchoolServiceWednesdayCare, 1));

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SaveChildAsync(request, agent, CloudApi.Deadline));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            [
                "Le prénom de l'enfant est obligatoire.",
                $"La date de naissance {Slashed(tomorrow)} est après aujourd'hui ({Slashed(FamilyTaps.ParisDay(DateTimeOffset.UtcNow))}).",
                "L'école « 95500-E1 » n'est pas une école de la commune de la famille.",
            ],
            refused.Status.Detail.Split('\n'));

        request.FirstName = "Jade";
        request.BirthDate = "2018-02-11";
        request.SchoolId = School;
        var wrongDay = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.SaveChildAsync(request, agent, CloudApi.Deadline));
        Assert.Equal("Accueil du mercredi : ce service ne fonctionne pas le lundi.", wrongDay.Status.Detail);

        Assert.Empty((await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId }, agent, CloudApi.Deadline)).Children);
    });

    [Fact]
    public Task A_card_issued_then_reported_lost_shows_lost_in_the_dossier() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var family = await NewFamily(api, agent);
        var childId = Assert.Single((await api.Enrolment.SaveChildAsync(ChildOf(family.FamilyId, "Rayan", family.Name, "2017-10-09", School, "CM1"), agent, CloudApi.Deadline)).Children).ChildId;

        var nothingToBlock = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.Enrolment.ReportCardLostAsync(new ReportCardLostRequest { ChildId = childId }, agent, CloudApi.Deadline));
        Assert.Equal((StatusCode.FailedPrecondition, "Rayan n'a pas de carte : il n'y a rien à bloquer."), (nothingToBlock.StatusCode, nothingToBlock.Status.Detail));

        var card = NewCard();
        var written = string.Join(':', card.Chunk(2).Select(pair => new string(pair).ToLowerInvariant()));
        var issued = await api.Enrolment.IssueCardAsync(new IssueCardRequest { ChildId = childId, CardUid = written }, agent, CloudApi.Deadline);
        Assert.Equal((card, CardState.Active), (Assert.Single(issued.Children).CardUid, issued.Children[0].CardState));

        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.Enrolment.IssueCardAsync(new IssueCardRequest { ChildId = childId, CardUid = "12345" }, agent, CloudApi.Deadline));
        Assert.Equal((StatusCode.InvalidArgument, "« 12345 » n'est pas un numéro de carte (4, 7 ou 10 octets en hexadécimal, par exemple 04A2B3C4D5E6F7)."),
            (malformed.StatusCode, malformed.Status.Detail));
        var anotherChildsCard = await Assert.ThrowsAsync<RpcException>(async () =>
            await api.Enrolment.IssueCardAsync(new IssueCardRequest { ChildId = childId, CardUid = DemoChildCard }, agent, CloudApi.Deadline));
        Assert.Equal((StatusCode.InvalidArgument, $"La carte {DemoChildCard} est déjà attribuée à un autre enfant."),
            (anotherChildsCard.StatusCode, anotherChildsCard.Status.Detail));
        Assert.Equal(issued, await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId }, agent, CloudApi.Deadline));

        var lost = await api.Enrolment.ReportCardLostAsync(new ReportCardLostRequest { ChildId = childId }, agent, CloudApi.Deadline);

        Assert.Equal((card, CardState.Lost), (Assert.Single(lost.Children).CardUid, lost.Children[0].CardState));
        var dossier = await api.Enrolment.GetFamilyDossierAsync(new GetFamilyDossierRequest { FamilyId = family.FamilyId, Reason = "carte perdue" }, agent, CloudApi.Deadline);
        Assert.Equal(CardState.Lost, Assert.Single(dossier.Children).CardState);
        Assert.Equal(lost, dossier);
    });

    [Fact]
    public Task A_new_child_has_no_taps_and_a_malformed_period_is_refused() => platform.RunAsync(output, async () =>
    {
        using var api = new EnrolmentApi(await platform.CloudAsync());
        var agent = await api.SignInAsync();
        var family = await NewFamily(api, agent);
        var childId = Assert.Single((await api.Enrolment.SaveChildAsync(ChildOf(family.FamilyId, "Nour", family.Name, "2019-04-01", School, "CP"), agent, CloudApi.Deadline)).Children).ChildId;

        var taps = await api.Enrolment.GetChildTapsAsync(new GetChildTapsRequest { ChildId = childId }, agent, CloudApi.Deadline);
        Assert.Equal(new ChildTaps { ChildId = childId, FirstName = "Nour", LastName = family.Name }, taps);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.GetChildTapsAsync(
            new GetChildTapsRequest { ChildId = childId, From = "2026-13-01", To = "2026-11-31" }, agent, CloudApi.Deadline));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["Début de la période : Date « 2026-13-01 » invalide : attendu AAAA-MM-JJ.", "Fin de la période : Date « 2026-11-31 » invalide : attendu AAAA-MM-JJ."],
            refused.Status.Detail.Split('\n'));
        var backwards = await Assert.ThrowsAsync<RpcException>(async () => await api.Enrolment.GetChildTapsAsync(
            new GetChildTapsRequest { ChildId = childId, From = "2026-11-30", To = "2026-11-01" }, agent, CloudApi.Deadline));
        Assert.Equal("La période commence après sa fin.", backwards.Status.Detail);
    });

    private static string Slashed(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Tag() => Convert.ToHexString(RandomNumberGenerator.GetBytes(3));

    /// <summary>A 7-byte UID no child holds yet.</summary>
    internal static string NewCard() => "04" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    private static async Task<FamilyDossier> NewFamily(EnrolmentApi api, Metadata agent) =>
        await api.Enrolment.SaveFamilyAsync(new SaveFamilyRequest { CommuneInseeCode = Commune, Name = $"Garnier-{Tag()}" }, agent, CloudApi.Deadline);

    private static SaveChildRequest ChildOf(string familyId, string firstName, string lastName, string birthDate, string schoolId, string @class) => new()
    {
        FamilyId = familyId, FirstName = firstName, LastName = lastName, BirthDate = birthDate, SchoolId = schoolId, Class = @class,
    };

    private static StandingServiceDays Standing(SchoolServiceKind service, params int[] days)
    {
        var standing = new StandingServiceDays { Service = service };
        standing.Days.AddRange(days);
        return standing;
    }
}
