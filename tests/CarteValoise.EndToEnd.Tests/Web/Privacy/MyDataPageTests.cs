using System.Net;
using CarteValoise.Contracts.Families;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Privacy;

/// <summary>
/// «Mes données» over plain HTTP against the real cloud: an agent's opening of the family appears
/// in the parent's access log with the agent, their commune and the reason; an agent is refused
/// the archive and the page; a closure request is confirmed, acknowledged by mail, shown, and cancelled.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MyDataPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_opening_the_family_is_listed_with_their_commune_and_reason() => platform.RunAsync(output, async () =>
    {
        var reason = $"Vérification du quotient familial {Guid.NewGuid():N}"[..48];
        using (var cloud = new CloudApi(await platform.CloudAsync()))
        {
            var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
            await cloud.Families.GetFamilyAsync(new GetFamilyRequest { FamilyId = Demo.CergyFamily, Reason = reason }, agent, CloudApi.Deadline);
        }

        using var parent = new WebSession(await platform.PortalAsync());
        await parent.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var page = await parent.GetAsync("/MesDonnees");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var shown = MyDataPage.Parse(page.Html);
        var row = Assert.Single(shown.AccessLog, r => r.Why == reason);
        Assert.Equal(("Agent de Cergy (Cergy)", "dossier famille", true), (row.Who, row.What, row.Allowed));
        Assert.Matches(@"^\d{1,2}(er)? \w+ \d{4} à \d\d:\d\d$", row.When);
        Assert.Equal(shown.AccessLog[0], row);
        Assert.False(shown.EmptyLogShown);
        Assert.Equal(2, shown.Sections["famille"]["enfants"]);
        Assert.Equal(2, shown.Sections["famille"]["cartes"]);
        Assert.True(shown.Sections["journal-des-acces"]["accès"] >= 1);
        Assert.Contains("factures-paiements", shown.RetentionKinds);
        Assert.Contains("Télécharger mes données (.zip)", shown.Text);
    });

    [Fact]
    public Task An_agent_is_refused_the_archive_and_the_page() => platform.RunAsync(output, async () =>
    {
        using var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var personalData = new PersonalData.PersonalDataClient(channel);

        var refusal = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = personalData.DownloadMyData(new DownloadMyDataRequest(), agent, CloudApi.Deadline);
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
        var log = await Assert.ThrowsAsync<RpcException>(() => personalData.GetAccessLogAsync(new GetAccessLogRequest(), agent, CloudApi.Deadline).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "« Mes données » est réservé au titulaire du compte, connecté sur le portail : un agent ou une borne n'y a pas accès."),
            (refusal.StatusCode, refusal.Status.Detail));
        Assert.Equal(StatusCode.PermissionDenied, log.StatusCode);

        using var agentOnPortal = new WebSession(await platform.PortalAsync());
        await agentOnPortal.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var page = await agentOnPortal.GetAsync("/MesDonnees");
        var archive = await agentOnPortal.GetAsync("/MesDonnees/Archive");
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (page.Status, archive.Status));
        Assert.DoesNotContain("Télécharger mes données", page.Text);
    });

    [Fact]
    public Task A_closure_request_is_confirmed_acknowledged_by_mail_shown_and_cancelled() => platform.RunAsync(output, async () =>
    {
        var citizen = await FreshCitizen.RegisterAsync(platform);
        using var session = new WebSession(await platform.PortalAsync());
        await session.SignInAsync(citizen.Email, citizen.Password);

        var before = MyDataPage.Parse((await session.GetAsync("/MesDonnees")).Html);
        Assert.Equal(("None", "Aucune demande de clôture n'est en cours : votre compte est ouvert."), (before.ClosureState, before.ClosureText));
        Assert.True(before.EmptyLogShown);
        Assert.Contains("Aucun agent n'a consulté vos données pour l'instant.", before.Text);
        Assert.Empty(before.AccessLog);
        Assert.Equal(0, before.Sections["famille"].GetValueOrDefault("enfants"));

        // Not ticked: said next to the box and in the summary, nothing asked.
        var unticked = await session.SubmitFormAsync("/MesDonnees/Cloture", new Dictionary<string, string> { ["operation"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, unticked.Status);
        Assert.Contains("Il y a un problème Cochez la case pour confirmer que vous demandez la clôture de votre compte.", unticked.Text);
        Assert.Contains("id=\"confirme-erreur\"", unticked.Html);
        Assert.Contains("aria-describedby=\"confirme-erreur\"", unticked.Html);
        Assert.Equal("None", MyDataPage.Parse((await session.GetAsync("/MesDonnees")).Html).ClosureState);

        var form = await session.GetAsync("/MesDonnees/Cloture");
        var operation = Markup.Tags(form.Html, "input").Single(i => i["name"] == "operation")["value"]!;
        var requested = await session.SubmitFormAsync("/MesDonnees/Cloture", new Dictionary<string, string> { ["operation"] = operation, ["confirme"] = "oui" });

        Assert.Equal("/MesDonnees", requested.Address.AbsolutePath);
        var pending = MyDataPage.Parse(requested.Html);
        Assert.Equal("Pending", pending.ClosureState);
        Assert.Matches(@"^Vous avez demandé la clôture de votre compte le .+ à \d\d:\d\d\. Elle prendra effet le .+ à \d\d:\d\d, sauf si vous l'annulez d'ici là\.$", pending.ClosureText);
        Assert.Equal("Votre demande de clôture est enregistrée. Un courriel de confirmation vous a été envoyé.", pending.ClosureDone);
        var mail = await platform.Mail.WaitForAsync(citizen.Email, m => m.Subject == "Votre demande de clôture du compte CarteValoise");
        Assert.Contains("Votre compte sera clôturé le ", mail.TextBody);
        Assert.Contains("Mouvements du solde, factures et paiements : 10 ans après la fin de l'année de l'opération", mail.TextBody);
        var link = Mail.MailSink.LinkIn(mail, platform.PortalAddress.ToString().TrimEnd('/') + "/MesDonnees");
        Assert.Equal(("/MesDonnees", "#cloture"), (link.AbsolutePath, link.Fragment));

        var cancelled = await session.SubmitFormHoldingAsync("/MesDonnees", "operation", new Dictionary<string, string>
        {
            ["operation"] = Markup.Tags(requested.Html, "input").Single(i => i["name"] == "operation")["value"]!,
        });
        var after = MyDataPage.Parse(cancelled.Html);
        Assert.Equal(("Cancelled", "Votre demande de clôture est annulée : votre compte reste ouvert."), (after.ClosureState, after.ClosureDone));
        Assert.StartsWith("Vous avez annulé le ", after.ClosureText);
        Assert.Single(platform.Mail.To(citizen.Email), m => m.Subject == "Votre demande de clôture du compte CarteValoise");
    });
}
