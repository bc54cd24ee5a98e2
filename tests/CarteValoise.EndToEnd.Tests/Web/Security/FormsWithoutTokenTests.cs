using System.Net;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.Security;

/// <summary>
/// A form posted without its anti-forgery token — forged by another site, or sent from a page kept
/// open past a sign-out — on the portal and the kiosk: refused with status 400 and a French page
/// that says to reload and start again, and nothing is done (no reservation, no sign-out, no sign-in).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FormsWithoutTokenTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Refusal = "Formulaire expiré ou invalide : rechargez la page et recommencez. Rien n'a été enregistré.";

    /// <summary>The first child of the Pontoise demo family, whom no other page test reserves for.</summary>
    private const string PontoiseChild = "95500-C0011";

    [Fact]
    public Task A_reservation_posted_without_its_token_is_refused_in_French_and_nothing_is_reserved() => platform.RunAsync(output, async () =>
    {
        using var parent = await SignedInAsync(Demo.PontoiseParent);
        var (page, cell) = await FirstOpenDayAsync(parent);
        output.WriteLine($"Open: {cell.Field}.");
        var fields = page.FormTicking((cell, true));
        Assert.False(fields.ContainsKey("__RequestVerificationToken"));

        var refused = await parent.PostAsync("/Reservations", fields);

        AssertRefused(refused, "/Reservations");
        using var cloud = new ReservationsCloud(await platform.CloudAsync());
        Assert.False(await cloud.IsReservedAsync(await cloud.SignInAsync(Demo.PontoiseParent, Demo.ParentPassword), PontoiseChild, cell.Day, cell.Service),
            "The day was reserved by a form without its anti-forgery token.");
    });

    [Fact]
    public Task Signing_out_without_the_token_is_refused_and_the_parent_stays_signed_in() => platform.RunAsync(output, async () =>
    {
        using var parent = await SignedInAsync(Demo.CergyParent);

        var refused = await parent.PostAsync("/Deconnexion", new Dictionary<string, string>());

        AssertRefused(refused, "/Deconnexion");
        var home = await parent.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("/", home.Address.AbsolutePath);
        Assert.Contains("Se déconnecter", home.Text);
    });

    [Fact]
    public Task Signing_in_without_the_token_is_refused_and_opens_no_session() => platform.RunAsync(output, async () =>
    {
        using var visitor = new WebSession(await platform.PortalAsync());

        var refused = await visitor.PostAsync("/Connexion",
            new Dictionary<string, string> { ["Email"] = Demo.CergyParent, ["Password"] = Demo.ParentPassword });

        AssertRefused(refused, "/Connexion");
        var home = await visitor.GetAsync("/");
        Assert.Equal("/Connexion", home.Address.AbsolutePath);
    });

    [Fact]
    public Task A_kiosk_card_and_pin_posted_without_the_token_are_refused_and_open_no_session() => platform.RunAsync(output, async () =>
    {
        using var citizen = new WebSession(await platform.KioskAsync());

        var refused = await citizen.PostAsync("/",
            new Dictionary<string, string> { ["CardUid"] = Demo.CergyFamilyCards[0], ["Pin"] = Demo.KioskPin });

        AssertRefused(refused, "/");
        var family = await citizen.GetAsync("/Famille");
        Assert.Equal("/", family.Address.AbsolutePath);
        Assert.DoesNotContain("Solde", family.Text);
    });

    /// <summary>The French page of a refused form: status 400, what to do, and a link to the page to load again.</summary>
    private static void AssertRefused(WebPage refused, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<h1>Formulaire expiré ou invalide</h1>", refused.Html);
        Assert.Contains(Refusal, refused.Text);
        var reload = Markup.Tags(refused.Html, "a").SingleOrDefault(a => Markup.Text(refused.Html[a.End..Markup.EndOf(refused.Html, a)]) == "Recharger la page");
        Assert.True(reload is not null, "The page offers no «Recharger la page» link.");
        Assert.Equal(path, reload["href"]);
    }

    private async Task<WebSession> SignedInAsync(string email)
    {
        var session = new WebSession(await platform.PortalAsync());
        var home = await session.SignInAsync(email, Demo.ParentPassword);
        Assert.Equal("/", home.Address.AbsolutePath);
        return session;
    }

    /// <summary>The first service of the Pontoise child, from this week on, that the page offers to reserve.</summary>
    private static async Task<(ReservationsPage Page, CellOnPage Cell)> FirstOpenDayAsync(WebSession parent)
    {
        var monday = ReservationDemo.MondayOf(ReservationDemo.TodayInParis);
        for (var week = 0; week < 12; week++)
        {
            var page = ReservationsPage.Parse((await parent.GetAsync(ReservationDemo.PageOf(PontoiseChild, monday.AddDays(7 * week)))).Html);
            if (page.Cells.FirstOrDefault(c => c is { CanChange: true, Reserved: false }) is { } cell) return (page, cell);
        }
        throw new Xunit.Sdk.XunitException("No day open to reservation in the 12 weeks ahead.");
    }
}
