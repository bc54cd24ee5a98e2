using CarteValoise.Contracts.Accounts;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Reservations;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// A parent's reservations over gRPC, as the portal's calendar makes them: allowed before the
/// cut-off, refused after it with the exact sentence the Domain writes for the commune's rules,
/// refused on a day without canteen, refused for a child of another family, and malformed requests
/// refused whole. The days are found from today with the Domain's calendar, never hard-coded, under
/// Cergy's rules as each test saves them for its length (<see cref="RulesForATest"/>). The tests act
/// on the Cergy parent's second child, so that a page test on the first one is not disturbed.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReservationTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Child = "95127-C0012";
    private const string ChildCard = "04951271001200";
    private const string OtherFamilysChild = "95500-C0011";

    /// <summary>
    /// Long enough that the next canteen day's cancellation is closed whatever the date: that day is
    /// at most 16 days away (the Christmas holidays), 20 working days go back four weeks at least.
    /// </summary>
    private const string LongCancellationCutOff = "20 jours ouvrés avant à 12:00";

    [Fact]
    public Task A_parent_cancels_then_reserves_a_day_before_the_cut_off_and_a_resent_request_changes_nothing() => platform.RunAsync(output, async () =>
    {
        await using var cergy = await SignInAsync();
        var (canteen, parent, rules) = cergy;
        var now = DateTimeOffset.UtcNow;
        // A week ahead at least, so that neither cut-off comes while the test runs.
        var day = FirstDay(Today.AddDays(7), d => rules.Schedule.RunsOn(d, rules.Calendar)
            && rules.CanReserve(d, now).Allowed && rules.CanCancel(d, now).Allowed)
            ?? throw new Xunit.Sdk.XunitException("No canteen day open to changes within a year: the school calendar has none.");
        if ((await CanteenOn(canteen, parent, day)).Reserved)
            Assert.True((await ChangeAsync(canteen, parent, NewOperation(), day, reserved: false)).Applied);
        Assert.False((await CanteenOn(canteen, parent, day)).Reserved);

        var operation = NewOperation();
        var reserved = await ChangeAsync(canteen, parent, operation, day, reserved: true);

        Assert.True(reserved.Applied);
        var outcome = Assert.Single(reserved.Outcomes);
        Assert.Equal("", outcome.Refusal);
        Assert.Equal(Wire(day), outcome.Change.Date);
        var cell = await CanteenOn(canteen, parent, day);
        Assert.True(cell.Reserved);
        Assert.True(cell.CanChange);
        Assert.Equal(rules.CancellationCutOff.DeadlineFor(day, rules.Calendar), cell.Deadline.ToDateTimeOffset());

        // Cancelled again, then the reservation resent as after a lost answer: its first answer, nothing undone.
        Assert.True((await ChangeAsync(canteen, parent, NewOperation(), day, reserved: false)).Applied);
        Assert.Equal(reserved, await ChangeAsync(canteen, parent, operation, day, reserved: true));
        Assert.False((await CanteenOn(canteen, parent, day)).Reserved);
        Assert.True((await ChangeAsync(canteen, parent, NewOperation(), day, reserved: true)).Applied);
    });

    [Fact]
    public Task A_cancellation_past_the_cut_off_is_refused_with_the_exact_reason_and_nothing_changes() => platform.RunAsync(output, async () =>
    {
        // Cergy's own cut-off («la veille à 18:00») closes today's meal or tomorrow's, none in the
        // holidays: for this test cancellations close four weeks ahead, the next meal's whatever the date.
        await using var cergy = await SignInAsync(saved => saved.CancellationCutOff = LongCancellationCutOff);
        var (canteen, parent, rules) = cergy;
        Assert.Equal(LongCancellationCutOff, rules.CancellationCutOff.Description);
        var now = DateTimeOffset.UtcNow;
        var day = FirstDay(Today, d => rules.Schedule.RunsOn(d, rules.Calendar) && rules.CanCancel(d, now).Deadline <= now, within: 31)
            ?? throw new Xunit.Sdk.XunitException($"No canteen day whose cancellation is closed ({rules.CancellationCutOff.Description}) within a month from {Today}.");
        Assert.True((await CanteenOn(canteen, parent, day)).Reserved, $"The demo child's standing reservation does not cover {day}.");

        var reply = await ChangeAsync(canteen, parent, NewOperation(), day, reserved: false);

        Assert.False(reply.Applied);
        Assert.Equal(rules.CanCancel(day, now).Refusal, Assert.Single(reply.Outcomes).Refusal);
        Assert.StartsWith("Annulation close depuis le ", Assert.Single(reply.Outcomes).Refusal);
        var cell = await CanteenOn(canteen, parent, day);
        Assert.True(cell.Reserved);
        Assert.False(cell.CanChange);
    });

    [Fact]
    public Task A_day_without_canteen_is_refused_naming_why() => platform.RunAsync(output, async () =>
    {
        await using var cergy = await SignInAsync();
        var (canteen, parent, rules) = cergy;
        var now = DateTimeOffset.UtcNow;
        var day = FirstDay(Today.AddDays(1), d => !rules.Schedule.RunsOn(d, rules.Calendar))
            ?? throw new Xunit.Sdk.XunitException("The canteen runs every day of the coming year.");
        // Another day, allowed on its own, is not applied either: the request is refused whole.
        var open = FirstDay(Today.AddDays(7), d => rules.Schedule.RunsOn(d, rules.Calendar)
            && rules.CanReserve(d, now).Allowed && rules.CanCancel(d, now).Allowed)!.Value;
        var openBefore = await CanteenOn(canteen, parent, open);

        var reply = await canteen.Reservations.ChangeReservationsAsync(new ChangeReservationsRequest
        {
            ChildId = Child,
            OperationId = NewOperation(),
            Changes =
            {
                new ReservationChangeItem { Date = Wire(open), Service = SchoolServiceKind.SchoolServiceCanteen, Reserved = !openBefore.Reserved },
                new ReservationChangeItem { Date = Wire(day), Service = SchoolServiceKind.SchoolServiceCanteen, Reserved = true },
            },
        }, parent, CloudApi.Deadline);

        Assert.False(reply.Applied);
        Assert.Equal(["", rules.CanReserve(day, now).Refusal], reply.Outcomes.Select(o => o.Refusal));
        Assert.StartsWith($"Pas de cantine le {FrenchText.Day(day)} : ", reply.Outcomes[1].Refusal);
        Assert.Equal(openBefore.Reserved, (await CanteenOn(canteen, parent, open)).Reserved);
    });

    [Fact]
    public Task A_parent_cannot_read_nor_change_the_calendar_of_a_child_of_another_family() => platform.RunAsync(output, async () =>
    {
        await using var cergy = await SignInAsync();
        var (canteen, parent, rules) = cergy;
        using var cloud = new CloudApi(await platform.CloudAsync());
        var otherParent = await cloud.SignInAsync(Demo.PontoiseParent, Demo.ParentPassword);
        var day = FirstDay(Today.AddDays(7), d => rules.Schedule.RunsOn(d, rules.Calendar))!.Value;
        var calendar = new ChildCalendarRequest { ChildId = OtherFamilysChild, From = Wire(day), To = Wire(day) };
        var before = await canteen.Reservations.GetChildCalendarAsync(calendar, otherParent, CloudApi.Deadline);

        var changed = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.ChangeReservationsAsync(Request(OtherFamilysChild, NewOperation(), day, reserved: false), parent, CloudApi.Deadline));
        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.GetChildCalendarAsync(calendar, parent, CloudApi.Deadline));
        // A child who does not exist is refused the same way: no telling which ids exist.
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.GetChildCalendarAsync(new ChildCalendarRequest { ChildId = "95127-C9999" }, parent, CloudApi.Deadline));

        foreach (var refusal in new[] { changed, read, unknown })
        {
            Assert.Equal(StatusCode.PermissionDenied, refusal.StatusCode);
            Assert.Equal("Accès refusé : cet enfant n'est pas rattaché à votre compte.", refusal.Status.Detail);
        }
        Assert.Equal(before, await canteen.Reservations.GetChildCalendarAsync(calendar, otherParent, CloudApi.Deadline));
    });

    [Fact]
    public Task A_malformed_date_a_missing_operation_id_or_too_long_a_period_is_refused_and_nothing_changes() => platform.RunAsync(output, async () =>
    {
        await using var cergy = await SignInAsync();
        var (canteen, parent, rules) = cergy;
        var now = DateTimeOffset.UtcNow;
        var open = FirstDay(Today.AddDays(7), d => rules.Schedule.RunsOn(d, rules.Calendar)
            && rules.CanReserve(d, now).Allowed && rules.CanCancel(d, now).Allowed)!.Value;
        var before = await CanteenOn(canteen, parent, open);
        var request = Request(Child, NewOperation(), open, reserved: !before.Reserved);
        request.Changes.Add(new ReservationChangeItem { Date = "2026-13-40", Service = SchoolServiceKind.SchoolServiceCanteen, Reserved = true });
        var withoutId = Request(Child, "", open, reserved: !before.Reserved);

        var malformed = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.ChangeReservationsAsync(request, parent, CloudApi.Deadline));
        var unidentified = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.ChangeReservationsAsync(withoutId, parent, CloudApi.Deadline));
        var badPeriod = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.GetChildCalendarAsync(new ChildCalendarRequest { ChildId = Child, From = "2026-13-40", To = Wire(open) }, parent, CloudApi.Deadline));

        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("Date « 2026-13-40 » invalide : attendu AAAA-MM-JJ.", malformed.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, unidentified.StatusCode);
        Assert.Equal("Identifiant d'opération manquant : la demande ne pourrait pas être renvoyée sans risque d'être appliquée deux fois.", unidentified.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, badPeriod.StatusCode);
        Assert.Equal("Date « 2026-13-40 » invalide : attendu AAAA-MM-JJ.", badPeriod.Status.Detail);
        var tooLong = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.GetChildCalendarAsync(new ChildCalendarRequest { ChildId = Child, From = Wire(open), To = Wire(open.AddDays(62)) }, parent, CloudApi.Deadline));
        Assert.Equal(StatusCode.InvalidArgument, tooLong.StatusCode);
        Assert.Equal("Le calendrier couvre au plus 62 jours (63 demandés).", tooLong.Status.Detail);
        Assert.Equal(before.Reserved, (await CanteenOn(canteen, parent, open)).Reserved);
    });

    [Fact]
    public Task A_kiosk_session_reads_its_familys_calendar_and_cannot_change_it() => platform.RunAsync(output, async () =>
    {
        await using var cergy = await SignInAsync();
        var (canteen, parent, rules) = cergy;
        using var cloud = new CloudApi(await platform.CloudAsync());
        var session = await cloud.Accounts.SignInWithCardAsync(
            new CardSignInRequest { CardUid = ChildCard, Pin = Demo.KioskPin, KioskId = "e2e-borne-reservations" }, deadline: CloudApi.Deadline);
        var kiosk = new Metadata { { "authorization", $"Bearer {session.Token}" } };
        var day = FirstDay(Today.AddDays(7), d => rules.Schedule.RunsOn(d, rules.Calendar))!.Value;
        var calendar = new ChildCalendarRequest { ChildId = Child, From = Wire(day), To = Wire(day.AddDays(6)) };

        var seen = await canteen.Reservations.GetChildCalendarAsync(calendar, kiosk, CloudApi.Deadline);
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reservations.ChangeReservationsAsync(Request(Child, NewOperation(), day, reserved: false), kiosk, CloudApi.Deadline));

        Assert.Equal(await canteen.Reservations.GetChildCalendarAsync(calendar, parent, CloudApi.Deadline), seen);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => Wire(day.AddDays(i))), seen.Days.Select(d => d.Date));
        Assert.Equal(rules.ReservationCutOff.Description, seen.ReservationCutOff);
        Assert.Equal(rules.CancellationCutOff.Description, seen.CancellationCutOff);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("Les réservations ne se modifient pas à la borne : faites-le depuis le portail.", refused.Status.Detail);
    });

    /// <summary>
    /// The Cergy parent signed in, under Cergy's rules for the test: those in force, with canteen days
    /// ahead (<see cref="SchoolDaysAhead"/>) and <paramref name="change"/>; put back when the test ends.
    /// </summary>
    private async Task<CergyParent> SignInAsync(Action<CommuneRules>? change = null)
    {
        var address = await platform.CloudAsync();
        using var cloud = new CloudApi(address);
        var parent = await cloud.SignInAsync(Demo.CergyParent, Demo.ParentPassword);
        var rules = await RulesForATest.SaveAsync(address, Demo.CergyAgent, Demo.Cergy, saved =>
        {
            SchoolDaysAhead.Ensure(saved, Today);
            change?.Invoke(saved);
        });
        return new CergyParent(new CanteenClients(address), parent, rules);
    }

    private sealed class CergyParent(CanteenClients canteen, Metadata parent, RulesForATest rules) : IAsyncDisposable
    {
        public BookingRules Rules { get; } = CanteenBooking(rules.InForce);

        public void Deconstruct(out CanteenClients clients, out Metadata session, out BookingRules booking) => (clients, session, booking) = (canteen, parent, Rules);

        public async ValueTask DisposeAsync()
        {
            canteen.Dispose();
            await rules.DisposeAsync();
        }
    }

    private static async Task<CalendarService> CanteenOn(CanteenClients canteen, Metadata caller, DateOnly day)
    {
        var calendar = await canteen.Reservations.GetChildCalendarAsync(
            new ChildCalendarRequest { ChildId = Child, From = Wire(day), To = Wire(day) }, caller, CloudApi.Deadline);
        return Assert.Single(Assert.Single(calendar.Days).Services, s => s.Service == SchoolServiceKind.SchoolServiceCanteen);
    }

    private static async Task<ChangeReservationsReply> ChangeAsync(CanteenClients canteen, Metadata caller, string operation, DateOnly day, bool reserved) =>
        await canteen.Reservations.ChangeReservationsAsync(Request(Child, operation, day, reserved), caller, CloudApi.Deadline);

    private static ChangeReservationsRequest Request(string child, string operation, DateOnly day, bool reserved) => new()
    {
        ChildId = child,
        OperationId = operation,
        Changes = { new ReservationChangeItem { Date = Wire(day), Service = SchoolServiceKind.SchoolServiceCanteen, Reserved = reserved } },
    };

    private static string NewOperation() => Guid.NewGuid().ToString("N");
}
