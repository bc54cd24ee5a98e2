using System.Diagnostics;
using System.Globalization;
using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Billing;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Families;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;
using BillingService = CarteValoise.Contracts.Billing.Billing;
using RulesService = CarteValoise.Contracts.Canteen.CanteenRules;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// Three silos; boxes tap at a steady rate, a parent reserves and an agent records payments, all
/// through lists of the silos' addresses. The silo most boxes are connected to is killed (SIGKILL),
/// a replacement takes its place, and once everyone is answered again the busiest of the first
/// silos left is killed too. Afterwards every tap a box wrote is counted once, every balance is the
/// sum of its movements, every payment is credited once and every reservation is as last changed.
/// The longest time each box went without an acknowledgement is in the output.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloLossTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private const double TapsPerSecond = 20;
    private const string Argenteuil = "95018";
    private const string ArgenteuilAgent = "agent.argenteuil@demo.cartevaloise.fr";
    private static readonly string[] CergyParentsChildren = ["95127-C0011", "95127-C0012"];
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(120);

    [Fact]
    public Task Two_of_three_silos_killed_one_after_the_other_lose_no_tap_no_reservation_and_credit_no_payment_twice() => cluster.RunAsync(output, async () =>
    {
        await cluster.EnsureRunningAsync();
        output.WriteLine(cluster.StartupReport);
        var timeline = Stopwatch.StartNew();
        using var clients = new FailoverCloud(cluster.Addresses);
        var parentSession = await SignInAsync(clients, Demo.CergyParent, Demo.ParentPassword);
        var cergyAgent = await SignInAsync(clients, Demo.CergyAgent, Demo.AgentPassword);
        var argenteuilAgent = await SignInAsync(clients, ArgenteuilAgent, Demo.AgentPassword);

        await using var parent = new ReservingParent(clients, parentSession, CergyParentsChildren, await OpenDaysAsync(clients, cergyAgent));
        await parent.ReadCalendarsAsync();
        await using var counter = new PayingAgent(clients, argenteuilAgent, await InvoicesOfLastMonthAsync(clients, argenteuilAgent));
        output.WriteLine($"[{timeline.Elapsed:mm\\:ss\\.f}] signed in; {LastMonth} closed for Argenteuil.");

        var boxes = await Task.WhenAll(cluster.SiloLossBoxes.Select(b => BoxUnderLoad.StartAsync(cluster, b, TapsPerSecond, timeline)));
        foreach (var box in boxes) await cluster.WaitUntilConnectedAsync(box.Tapping, after: 0, _ => true, "any silo");
        output.WriteLine($"[{timeline.Elapsed:mm\\:ss\\.f}] boxes tapping, connected to {string.Join(", ", boxes.Select(b => cluster.Slots[cluster.ConnectedSlot(b.Tapping)!.Value].Name))}.");
        parent.Start();
        counter.Start();
        // Steady: every box acknowledged, the parent and the agent answered.
        foreach (var box in boxes) await box.WaitForAckAsync(40, "before any silo is killed");
        await parent.WaitForMoreAsync(3, Recovery);
        await counter.WaitForMoreAsync(3, Recovery);

        var first = Busiest(boxes, cluster.Live);
        await KillAndRecoverAsync(first, boxes, parent, counter, timeline, replace: true);
        // «Another after the first has been replaced»: one of the silos that were there from the start.
        var second = Busiest(boxes, cluster.Live.Where(slot => slot != first).ToList());
        await KillAndRecoverAsync(second, boxes, parent, counter, timeline, replace: false);

        await parent.StopAsync();
        await counter.StopAsync();
        var silo = cluster.Addresses[cluster.Live.First()];
        using var cloud = new CloudApi(silo);
        var drained = await Task.WhenAll(boxes.Select(async box => (box, await box.StopAndDrainAsync(cluster, cloud, cergyAgent))));

        foreach (var box in boxes) output.WriteLine(box.AckGapReport());
        output.WriteLine($"The parent made {parent.Changes} changes and sent {parent.Resent} earlier ones again; the agent recorded {counter.Payments.Values.Sum()} payments, each sent twice.");
        output.WriteLine($"Slowest call of the parent or the agent: {clients.Slowest.Call} in {clients.Slowest.Duration.TotalSeconds:0.0} s; "
            + $"sent again after: {(clients.Retried.Count == 0 ? "nothing" : string.Join(", ", clients.Retried.Select(r => $"{r.Key} ×{r.Value}")))}.");

        await ClusterAccounting.AssertCountedOnceAsync(drained, silo, cergyAgent, "test de perte de silos", output);
        await parent.AssertCalendarsAsync();
        await AssertPaidOnceAsync(cloud, silo, argenteuilAgent, counter);
    });

    /// <summary>
    /// Kills the silo of a place; optionally starts a replacement there; then waits until every box
    /// has had taps written after the kill acknowledged, and the parent and the agent answered again.
    /// </summary>
    private async Task KillAndRecoverAsync(int slot, IReadOnlyList<BoxUnderLoad> boxes, ReservingParent parent, PayingAgent counter, Stopwatch timeline, bool replace)
    {
        var connected = boxes.Where(b => cluster.ConnectedSlot(b.Tapping) == slot).Select(b => b.BoxId).ToList();
        var connections = boxes.ToDictionary(b => b.BoxId, b => cluster.Connections(b.Tapping));
        var printedBefore = boxes.ToDictionary(b => b.BoxId, b => b.LastPrinted);
        var killedAt = timeline.Elapsed;
        await cluster.KillAsync(slot);
        output.WriteLine($"[{killedAt:mm\\:ss\\.f}] killed {cluster.Slots[slot].Name} (SIGKILL); boxes connected to it: {(connected.Count == 0 ? "none" : string.Join(", ", connected))}.");
        if (replace)
        {
            var (ready, active) = await cluster.ReplaceAsync(slot);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{timeline.Elapsed:mm\\:ss\\.f}] a replacement of {cluster.Slots[slot].Name} printed CLOUD READY {ready.TotalSeconds:0.0} s after it was started, answered /health 200 at {active.TotalSeconds:0.0} s."));
        }

        foreach (var box in boxes)
        {
            // A tap written after the kill, and everything before it, durable.
            await box.WaitForAckAsync(printedBefore[box.BoxId] + (long)(2 * TapsPerSecond), $"after {cluster.Slots[slot].Name} was killed");
            // A box whose silo went away says where it went: another silo, or the replacement in its place.
            if (connected.Contains(box.BoxId))
                await cluster.WaitUntilConnectedAsync(box.Tapping, connections[box.BoxId], other => other != slot || replace,
                    replace ? "any silo, after the kill" : "a silo still running");
        }
        await parent.WaitForMoreAsync(3, Recovery);
        await counter.WaitForMoreAsync(3, Recovery);
        var recoveredAt = timeline.Elapsed;
        output.WriteLine($"[{recoveredAt:mm\\:ss\\.f}] every box acknowledged again, the parent and the agent answered again; longest ACK gap around this kill: "
            + string.Join(", ", boxes.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.BoxId} {b.LongestAckGapAround(killedAt, recoveredAt).Gap.TotalSeconds:0.00} s"))) + ".");
    }

    /// <summary>The running silo most boxes are connected to (each box said last where it is).</summary>
    private int Busiest(IReadOnlyList<BoxUnderLoad> boxes, IReadOnlyList<int> among)
    {
        Assert.NotEmpty(among);
        return among.OrderByDescending(slot => boxes.Count(b => cluster.ConnectedSlot(b.Tapping) == slot)).First();
    }

    /// <summary>Every payment once: in the commune's book, on the family's invoice and as one movement of its account.</summary>
    private static async Task AssertPaidOnceAsync(CloudApi cloud, Uri silo, Metadata agent, PayingAgent counter)
    {
        using var channel = GrpcChannel.ForAddress(silo);
        var month = await new BillingService.BillingClient(channel).GetMonthAsync(
            new CloseMonthRequest { CommuneInseeCode = Argenteuil, Month = LastMonth }, agent, CloudApi.Deadline);
        var paidInBook = month.Invoices.Where(i => counter.Paid.ContainsKey(i.Number)).ToDictionary(i => i.Number, i => i.PaidCents);
        Assert.Equal(counter.Paid.OrderBy(p => p.Key), paidInBook.OrderBy(p => p.Key));

        foreach (var family in month.Invoices.Where(i => counter.Payments.GetValueOrDefault(i.Number) > 0).GroupBy(i => i.FamilyId))
        {
            var summary = await cloud.Families.GetFamilyAsync(new GetFamilyRequest { FamilyId = family.Key, Reason = "test de perte de silos" }, agent, CloudApi.Deadline);
            ClusterAccounting.AssertBalanceIsItsMovements(summary);
            foreach (var invoice in family)
                Assert.Equal(counter.Paid[invoice.Number], summary.Invoices.Single(i => i.Number == invoice.Number).PaidCents);
            // A family billed monthly has no top-up: its credits are its payments, one movement each.
            var payments = family.Sum(i => counter.Payments[i.Number]);
            Assert.Equal(Enumerable.Repeat(PayingAgent.Amount, payments), summary.RecentMovements.Where(m => m.AmountCents > 0).Select(m => m.AmountCents));
        }
    }

    private static string LastMonth
    {
        get
        {
            var today = Today;
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The last month, closed for Argenteuil (billed monthly): its invoices large enough for many payments of one euro.</summary>
    private static async Task<IReadOnlyList<InvoiceSummary>> InvoicesOfLastMonthAsync(FailoverCloud clients, Metadata agent)
    {
        var closed = await clients.CallAsync("CloseMonth", (channel, deadline) =>
            new BillingService.BillingClient(channel).CloseMonthAsync(new CloseMonthRequest { CommuneInseeCode = Argenteuil, Month = LastMonth }, agent, deadline).ResponseAsync);
        var invoices = closed.Invoices.Where(i => i.TotalCents >= 20 * PayingAgent.Amount).ToList();
        Assert.True(invoices.Count >= 6, $"Closing {LastMonth} for Argenteuil gave {closed.Invoices.Count} invoices, {invoices.Count} of at least 20 €: too few for the test.");
        return invoices;
    }

    /// <summary>Canteen days a week ahead at least, open to reservation and cancellation for the whole test.</summary>
    private static async Task<IReadOnlyList<DateOnly>> OpenDaysAsync(FailoverCloud clients, Metadata agent)
    {
        var rules = CanteenBooking(await clients.CallAsync("GetRules", (channel, deadline) =>
            new RulesService.CanteenRulesClient(channel).GetRulesAsync(new GetRulesRequest { CommuneInseeCode = Demo.Cergy }, agent, deadline).ResponseAsync));
        var now = DateTimeOffset.UtcNow;
        var days = new List<DateOnly>();
        for (var day = Today.AddDays(7); days.Count < 4 && day < Today.AddDays(120); day = day.AddDays(1))
            if (rules.Schedule.RunsOn(day, rules.Calendar) && rules.CanReserve(day, now).Allowed && rules.CanCancel(day, now).Allowed) days.Add(day);
        Assert.True(days.Count == 4, $"Fewer than four canteen days open to changes within four months of {Today}.");
        return days;
    }

    private static async Task<Metadata> SignInAsync(FailoverCloud clients, string email, string password)
    {
        var session = await clients.CallAsync("SignIn", (channel, deadline) =>
            new CarteValoise.Contracts.Accounts.Accounts.AccountsClient(channel).SignInAsync(new SignInRequest { Email = email, Password = password }, deadline: deadline).ResponseAsync);
        return new Metadata { { "authorization", $"Bearer {session.Token}" } };
    }
}
