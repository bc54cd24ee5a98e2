using System.Globalization;
using System.Net;
using System.Text;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Net.Client;
using Xunit.Abstractions;
using BillingService = CarteValoise.Contracts.Billing.Billing;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>
/// A family billed monthly (Argenteuil) on the portal's family page: its invoices listed by month,
/// each with its PDF at /Factures/{number} under the file name the cloud gives; another family's
/// invoice and a malformed number answered by the French status pages.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FamilyInvoicesTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Argenteuil = "95018";
    private const string ArgenteuilAgent = "agent.argenteuil@demo.cartevaloise.fr";
    private const string ParentsFamily = "95018-F001";

    [Fact]
    public Task A_parent_sees_the_month_invoice_and_downloads_its_PDF_but_not_another_familys() => platform.RunAsync(output, async () =>
    {
        // The month before last, closed by the commune's agent (closing again changes nothing): the
        // agents' billing tests work on the last month.
        var cloudAddress = await platform.CloudAsync();
        using var cloud = new CloudApi(cloudAddress);
        using var channel = GrpcChannel.ForAddress(cloudAddress);
        var today = ReservationDemo.TodayInParis;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var closed = await new BillingService.BillingClient(channel).CloseMonthAsync(
            new CloseMonthRequest { CommuneInseeCode = Argenteuil, Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture) },
            await cloud.SignInAsync(ArgenteuilAgent, Demo.AgentPassword), CloudApi.Deadline);
        var others = closed.Invoices.FirstOrDefault(i => i.FamilyId != ParentsFamily)
            ?? throw new Xunit.Sdk.XunitException($"Closing {closed.Month} billed no family but {ParentsFamily}.");
        var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(),
            await cloud.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword), CloudApi.Deadline);
        Assert.True(family.BilledMonthly);
        var own = family.Invoices.SingleOrDefault(i => i.Month == closed.Month)
            ?? throw new Xunit.Sdk.XunitException($"The cloud lists no invoice of {closed.Month} for {ParentsFamily}.");
        output.WriteLine($"Invoice {own.Number}: {own.TotalCents} cents, paid {own.PaidCents}.");

        using var parent = new WebSession(await platform.PortalAsync());
        var home = await parent.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        var row = Markup.Tags(home.Html, "tr").SingleOrDefault(tr => tr["data-invoice-number"] == own.Number)
            ?? throw new Xunit.Sdk.XunitException($"The family page does not list invoice {own.Number}.");
        var rowEnd = home.Html.IndexOf("</tr>", row.End, StringComparison.Ordinal);
        var cells = home.Html[row.End..rowEnd];
        Assert.Equal(
            $"{FrenchWords.Month(month)} {own.Number} {FrenchWords.Euros(own.TotalCents)} {(own.Paid ? "payée" : "à payer")}"
            + (!own.Paid && own.PaidCents > 0 ? $" (reste {FrenchWords.Euros(own.TotalCents - own.PaidCents)})" : "")
            + $" Télécharger la facture (PDF) de {FrenchWords.Month(month)}" + (own.Paid ? "" : $" Payer en ligne la facture de {FrenchWords.Month(month)}"),
            Markup.Text(cells));
        var link = Markup.Tags(home.Html, "a", row.End, rowEnd).Single(a => a["type"] == "application/pdf");
        Assert.Equal($"/Factures/{own.Number}", link["href"]);

        using var download = new Downloads(await platform.PortalAsync());
        await download.SignInAsync(ReservationDemo.Parent, Demo.ParentPassword);
        var pdf = await download.GetAsync(link["href"]!);
        Assert.Equal(HttpStatusCode.OK, pdf.Status);
        Assert.Equal("application/pdf", pdf.MediaType);
        Assert.Equal($"facture-{own.Number}.pdf", pdf.FileName);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf.Bytes, 0, 5));

        // Another family's invoice is, to this parent, an invoice that does not exist.
        var theirs = await parent.GetAsync($"/Factures/{others.Number}");
        Assert.Equal(HttpStatusCode.NotFound, theirs.Status);
        Assert.Contains("Page introuvable", theirs.Text);
        var theirPdf = await download.GetAsync($"/Factures/{others.Number}");
        Assert.NotEqual("application/pdf", theirPdf.MediaType);

        var malformed = await parent.GetAsync("/Factures/pas-une-facture");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("Demande invalide", malformed.Text);
    });
}
