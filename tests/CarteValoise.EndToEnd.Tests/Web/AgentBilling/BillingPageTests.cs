using System.Globalization;
using System.Net;
using System.Text;
using CarteValoise.Contracts.Billing;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using CarteValoise.EndToEnd.Tests.Web.AgentCounts;
using CarteValoise.EndToEnd.Tests.Web.Reservations;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace CarteValoise.EndToEnd.Tests.Web.AgentBilling;

/// <summary>
/// The agents' billing page of the portal, over HTTP. Argenteuil bills monthly and every demo child
/// who eats at the canteen is reserved every canteen day, so that a finished month has something to
/// bill to each family. The last month (November 2026 when run in December 2026) is closed by these
/// tests and by no other (the family invoice tests close the month before): its first close is theirs
/// to see. Cergy bills by prepaid balance: the cloud refuses to close its months.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingPageTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string ArgenteuilAgent = "agent.argenteuil@demo.cartevaloise.fr";
    private const string Argenteuil = "95018";
    private static readonly Dictionary<string, string> Confirmed = new() { ["confirmation"] = "true" };

    /// <summary>The last month over, in Paris.</summary>
    private static DateOnly LastMonth => new DateOnly(ReservationDemo.TodayInParis.Year, ReservationDemo.TodayInParis.Month, 1).AddMonths(-1);

    private static string Wire(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string PageOf(DateOnly month) => $"/Admin/Facturation?commune={Argenteuil}&mois={Wire(month)}";

    /// <summary>«de novembre 2026», «d'octobre 2026».</summary>
    private static string OfMonth(DateOnly month) => FrenchWords.Month(month) is var label && "aeiou".Contains(label[0]) ? $"d'{label}" : $"de {label}";

    [Fact]
    public Task Closing_the_last_month_creates_its_invoices_once_a_second_click_none_then_an_invoice_opens_as_PDF_and_is_paid_at_the_counter() => platform.RunAsync(output, async () =>
    {
        var month = LastMonth;
        var page = PageOf(month);
        using var agent = new WebSession(await platform.PortalAsync());
        await agent.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        var open = BillingPage.Parse((await agent.GetAsync(page)).Html);
        Assert.Equal((Wire(month), false), (open.Month, open.Closed));
        Assert.Contains($"Le mois {OfMonth(month)} n'est pas encore clôturé", open.Text);
        Assert.Contains($"Je confirme la clôture {OfMonth(month)}", open.Text);

        var unconfirmed = BillingPage.Parse((await agent.SubmitFormHoldingAsync(page, "confirmation", new Dictionary<string, string>())).Html);
        Assert.Contains($"Cochez la case pour confirmer la clôture {OfMonth(month)}.", unconfirmed.Text);
        Assert.Equal((false, null), (unconfirmed.Closed, unconfirmed.Result));

        var closed = BillingPage.Parse((await agent.SubmitFormHoldingAsync(page, "confirmation", Confirmed)).Html);

        var result = closed.Result ?? throw new Xunit.Sdk.XunitException("The page says nothing of the close.");
        Assert.True(result.CreatedNow > 0, $"Closing {Wire(month)} created no invoice for Argenteuil.");
        Assert.Equal(result.CreatedNow, result.Total);
        Assert.Equal($"{result.CreatedNow} factures créées sur {result.CreatedNow} pour {FrenchWords.Month(month)}.", result.Text);
        Assert.True(closed.Closed);
        Assert.Matches(@"Mois clôturé le (1er|\d{1,2}) \S+ \d{4} à \d{2}:\d{2} par Agent d'Argenteuil\.", closed.Text);
        Assert.Equal(result.CreatedNow, closed.Invoices.Count);
        Assert.All(closed.Invoices, invoice =>
        {
            Assert.Matches($@"^95018-{Wire(month)}-\d{{6}}$", invoice.Number);
            Assert.False(invoice.Paid);
            Assert.Equal(0, invoice.PaidCents);
            Assert.Contains("À payer", invoice.Text);
        });
        Assert.Equal((closed.Invoices.Count, closed.Invoices.Sum(i => i.TotalCents), 0L), closed.Totals);
        Assert.Contains($"{closed.Invoices.Count} factures : 0 payée, {closed.Invoices.Count} à payer.", closed.Text);
        var inCloud = await GetMonthAsync(month);
        Assert.Equal(inCloud.Invoices.Select(i => i.Number).Order(), closed.Invoices.Select(i => i.Number).Order());
        Assert.Equal(inCloud.TotalCents, closed.Totals!.Value.TotalCents);

        var again = await agent.SubmitFormHoldingAsync(page, "confirmation", Confirmed);

        var second = BillingPage.Parse(again.Html);
        var monthLabel = FrenchWords.Month(month);
        Assert.Equal(new CloseResultOnPage(0, result.Total,
            $"0 facture créée : le mois était déjà clôturé. {char.ToUpperInvariant(monthLabel[0])}{monthLabel[1..]} compte {result.Total} factures."), second.Result);
        Assert.Equal(closed.Invoices.Select(i => i.Number), second.Invoices.Select(i => i.Number));
        Assert.Equal(inCloud.Invoices.Count, (await GetMonthAsync(month)).Invoices.Count);

        var invoice = second.Invoices.First(i => i.TotalCents > 0);
        var pdfLink = Markup.Tags(again.Html, "a").Single(a => Links.Are(a["href"], "/Admin/Facturation", ("handler", "Pdf"), ("numero", invoice.Number)));
        using var files = new Downloads(await platform.PortalAsync());
        await files.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        var pdf = await files.GetAsync(pdfLink["href"]!);
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.Status, pdf.ContentType));
        Assert.Contains($"facture-{invoice.Number}.pdf", pdf.Disposition);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf.Bytes[..5]));

        var paymentPage = $"{page}&facture={invoice.Number}";
        var refused = await agent.SubmitFormHoldingAsync(paymentPage, "montant",
            new Dictionary<string, string> { ["facture"] = invoice.Number, ["montant"] = "12,345", ["moyen"] = "chèque" });
        Assert.Contains("Saisissez le montant reçu en euros, supérieur à zéro, avec au plus deux décimales : par exemple 12,50.", refused.Text);
        Assert.Equal(0, BillingPage.Parse(refused.Html).Invoices.Single(i => i.Number == invoice.Number).PaidCents);

        var due = (invoice.TotalCents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        var paid = await agent.SubmitFormHoldingAsync(paymentPage, "montant",
            new Dictionary<string, string> { ["facture"] = invoice.Number, ["montant"] = due + " €", ["moyen"] = "chèque" });
        var row = BillingPage.Parse(paid.Html).Invoices.Single(i => i.Number == invoice.Number);
        Assert.Equal((invoice.TotalCents, true), (row.PaidCents, row.Paid));
        Assert.Contains("Payée", row.Text);
        Assert.Contains($"Paiement enregistré pour la facture {invoice.Number}", paid.Text);
        Assert.Contains("La facture est entièrement payée.", paid.Text);
        Assert.Contains($"{second.Invoices.Count} factures : 1 payée, {second.Invoices.Count - 1} à payer.", paid.Text);

        var twice = await agent.SubmitFormHoldingAsync(paymentPage, "montant",
            new Dictionary<string, string> { ["facture"] = invoice.Number, ["montant"] = "1", ["moyen"] = "espèces" });
        Assert.Contains($"Le paiement n'a pas été enregistré. La facture {invoice.Number} est déjà entièrement payée.", twice.Text);
        Assert.Equal(invoice.TotalCents, BillingPage.Parse(twice.Html).Invoices.Single(i => i.Number == invoice.Number).PaidCents);
    });

    [Fact]
    public Task A_commune_billing_by_prepaid_balance_gets_the_clouds_refusal_and_a_month_that_does_not_exist_is_said_in_French() => platform.RunAsync(output, async () =>
    {
        using var cergy = new WebSession(await platform.PortalAsync());
        await cergy.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var prepaid = BillingPage.Parse((await cergy.SubmitFormHoldingAsync($"/Admin/Facturation?commune={Demo.Cergy}&mois={Wire(LastMonth)}", "confirmation", Confirmed)).Html);

        Assert.Equal("La commune facture par solde prépayé : les repas sont débités au passage de la carte, il n'y a pas de facture mensuelle ni de mois à clôturer.",
            prepaid.Refusal);
        Assert.Null(prepaid.Result);
        Assert.Equal(false, prepaid.Closed);

        using var argenteuil = new WebSession(await platform.PortalAsync());
        await argenteuil.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        var malformed = await argenteuil.GetAsync($"/Admin/Facturation?commune={Argenteuil}&mois=2026-13");
        Assert.Equal(HttpStatusCode.OK, malformed.Status);
        var parsed = BillingPage.Parse(malformed.Html);
        Assert.Contains("Le mois « 2026-13 » n'existe pas : écrivez-le sous la forme année-mois, par exemple 2026-11 pour novembre 2026.", parsed.Text);
        Assert.Null(parsed.Month);
        Assert.Equal("true", Markup.Tags(malformed.Html, "input").Single(i => i["name"] == "mois")["aria-invalid"]);

        var otherCommune = await cergy.GetAsync(PageOf(LastMonth));
        Assert.Equal(HttpStatusCode.Forbidden, otherCommune.Status);
        Assert.Contains("Accès refusé", otherCommune.Text);
    });

    private async Task<MonthClose> GetMonthAsync(DateOnly month)
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(ArgenteuilAgent, Demo.AgentPassword);
        using var channel = GrpcChannel.ForAddress(await platform.CloudAsync());
        return await new Billing.BillingClient(channel).GetMonthAsync(new CloseMonthRequest { CommuneInseeCode = Argenteuil, Month = Wire(month) }, agent, CloudApi.Deadline);
    }
}
