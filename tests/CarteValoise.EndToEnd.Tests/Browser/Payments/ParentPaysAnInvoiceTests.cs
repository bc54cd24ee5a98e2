using System.Globalization;
using System.Text;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.Payments;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Grpc.Net.Client;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using BillingService = CarteValoise.Contracts.Billing.Billing;

namespace CarteValoise.EndToEnd.Tests.Browser.Payments;

/// <summary>
/// An Argenteuil parent (billed monthly) pays an invoice in a real browser through the sandbox
/// gateway: «Payer en ligne» on the family page, the confirmation with the amount, the gateway's
/// page and its test card, back on the return page that says the invoice is paid, the receipt
/// downloaded, the invoice shown paid, the receipt mailed. The month is closed first by Argenteuil's
/// agent through the Billing service, three months back: the agents' billing tests close the last
/// month and the family page tests the one before.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParentPaysAnInvoiceTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public Task A_parent_pays_an_invoice_through_the_gateway_and_downloads_the_receipt() => platform.RunAsync(output, async () =>
    {
        var portal = await platform.PortalAsync();
        var (invoice, month) = await UnpaidInvoiceAsync();
        var due = invoice.TotalCents - invoice.PaidCents;
        output.WriteLine($"Invoice {invoice.Number} of {month:yyyy-MM}: {due} cents due.");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new() { Locale = "fr-FR", AcceptDownloads = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(portal, "/Connexion").ToString());
        await page.GetByLabel("Adresse électronique", new() { Exact = true }).FillAsync(PaymentsDemo.ArgenteuilParent);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Demo.ParentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ma famille", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the family page with its invoices");

        var row = page.Locator($"tr[data-invoice-number='{invoice.Number}']");
        await Expect(row).ToHaveAttributeAsync("data-paid", "false");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Payer en ligne la facture de {FrenchWords.Month(month)}", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payer la facture en ligne", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#invoice-to-pay")).ToHaveAttributeAsync("data-due-cents", due.ToString(CultureInfo.InvariantCulture));
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the invoice's payment confirmation");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("parent-invoice-confirmation.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Payer {FrenchWords.Euros(due)} sur PayFiP" }).ClickAsync();

        // The gateway's page (the sandbox's, not the portal's: no accessibility check of ours there).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paiement en ligne", Level = 1 })).ToBeVisibleAsync();
        Assert.StartsWith(new Uri(portal, PaymentsDemo.SandboxPage).ToString(), page.Url);
        await Expect(page.Locator("#sandbox-payment")).ToHaveAttributeAsync("data-montant", due.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#sandbox-payment")).ToContainTextAsync($"Facture {invoice.Number.Replace('-', ' ')}");
        var idOp = await page.Locator("#sandbox-payment").GetAttributeAsync("data-id-op");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("payfip-sandbox.png"), FullPage = true });
        await page.GetByLabel("Numéro de carte").FillAsync("4970 1000 0000 0003");
        await page.GetByRole(AriaRole.Button, new() { Name = "Payer par carte" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paiement accepté", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"/Paiement/Retour?idop={idOp}", new Uri(page.Url).PathAndQuery);
        var result = page.Locator("#payment-result");
        await Expect(result).ToHaveAttributeAsync("data-state", "paid");
        await Expect(result).ToHaveAttributeAsync("data-invoice-number", invoice.Number);
        await Expect(page.Locator("#payment-explanation")).ToHaveTextAsync($"Paiement de {FrenchWords.Euros(due)} accepté par carte bancaire sur PayFiP.");
        await Expect(result).ToContainTextAsync($"Porté au compte de la famille : Paiement de la facture {invoice.Number} (en ligne, carte bancaire).");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the payment's return page");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("parent-paid-invoice.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le reçu (PDF)" }).ClickAsync());
        Assert.StartsWith($"recu-paiement-{invoice.Number.Replace("-", "")}-", download.SuggestedFilename);
        var receipt = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(receipt, 0, 5));

        await page.GetByRole(AriaRole.Link, new() { Name = "Revenir à « Ma famille »" }).ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-paid", "true");
        await Expect(row).ToContainTextAsync("payée");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Payer en ligne la facture de {FrenchWords.Month(month)}" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes paiements en ligne" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes paiements en ligne", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-id-op='{idOp}']")).ToHaveAttributeAsync("data-state", "paid");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "«Mes paiements»");

        var mail = await platform.Mail.WaitForAsync(PaymentsDemo.ArgenteuilParent, m => m.TextBody?.Contains(idOp!, StringComparison.Ordinal) == true);
        Assert.Equal($"Reçu de votre paiement en ligne de {FrenchWords.Euros(due)} — Argenteuil", mail.Subject);
        Assert.Equal(download.SuggestedFilename, Assert.Single(mail.Attachments.OfType<MimePart>()).FileName);

        // On a phone, the return page reads in one column.
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync(new Uri(portal, $"/Paiement/Retour?idop={idOp}").ToString());
        await Expect(page.Locator("#payment-result")).ToHaveAttributeAsync("data-state", "paid");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("parent-paid-invoice-phone.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The return page is wider than a 375 px phone.");
    });

    /// <summary>
    /// The Argenteuil family's invoice of a month closed for this test (three months back, or further
    /// back past a month with nothing billed, as the summer holidays), with something left to pay.
    /// </summary>
    private async Task<(FamilyInvoice Invoice, DateOnly Month)> UnpaidInvoiceAsync()
    {
        var cloudAddress = await platform.CloudAsync();
        using var cloud = new CloudApi(cloudAddress);
        using var channel = GrpcChannel.ForAddress(cloudAddress);
        var agent = await cloud.SignInAsync(PaymentsDemo.ArgenteuilAgent, Demo.AgentPassword);
        var parent = await cloud.SignInAsync(PaymentsDemo.ArgenteuilParent, Demo.ParentPassword);
        var today = ReservationDemo.TodayInParis;
        for (var back = 3; back <= 8; back++)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var wire = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            await new BillingService.BillingClient(channel).CloseMonthAsync(new CloseMonthRequest { CommuneInseeCode = PaymentsDemo.Argenteuil, Month = wire }, agent, deadline: CloudApi.Deadline);
            var family = await cloud.Families.GetMyFamilyAsync(new GetMyFamilyRequest(), parent, CloudApi.Deadline);
            if (family.Invoices.SingleOrDefault(i => i.Month == wire && i.TotalCents - i.PaidCents >= 100) is { } invoice) return (invoice, month);
        }
        throw new Xunit.Sdk.XunitException("No month from three to eight months back gave the Argenteuil demo family an invoice to pay.");
    }
}
