using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.Reservations;
using Grpc.Core;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;
using ReservationsService = CarteValoise.Contracts.Reservations.Reservations;

namespace CarteValoise.EndToEnd.Tests.Cluster;

/// <summary>
/// A parent changing their children's canteen days again and again, each change under a fresh
/// operation id, and every third time sending an earlier change again as after a lost answer: that
/// one must get its first answer back and change nothing. The calendar must end as the last change
/// of each day left it: a change lost, or applied twice, or an old one applied again, shows there.
/// </summary>
public sealed class ReservingParent(FailoverCloud cloud, Metadata parent, IReadOnlyList<string> children, IReadOnlyList<DateOnly> days) : BackgroundUser
{
    private readonly Dictionary<(string Child, DateOnly Day), bool> expected = [];
    private readonly List<(ChangeReservationsRequest Request, ChangeReservationsReply Reply)> sent = [];

    public override string Name => "the parent reserving";

    protected override TimeSpan Pace => TimeSpan.FromMilliseconds(250);

    public int Resent { get; private set; }

    public int Changes => sent.Count;

    /// <summary>What the calendar says before the first change.</summary>
    public async Task ReadCalendarsAsync()
    {
        foreach (var (child, day, reserved) in await CanteenDaysAsync()) expected[(child, day)] = reserved;
    }

    /// <summary>The calendar as the last change of each day left it.</summary>
    public async Task AssertCalendarsAsync()
    {
        var seen = await CanteenDaysAsync();
        Assert.Equal(
            expected.OrderBy(e => e.Key.Child).ThenBy(e => e.Key.Day).Select(e => $"{e.Key.Child} {Wire(e.Key.Day)} réservé={e.Value}"),
            seen.OrderBy(s => s.Child).ThenBy(s => s.Day).Select(s => $"{s.Child} {Wire(s.Day)} réservé={s.Reserved}"));
    }

    protected override async Task OperateAsync(int index)
    {
        var child = children[index % children.Count];
        var day = days[index / children.Count % days.Count];
        var request = new ChangeReservationsRequest
        {
            ChildId = child,
            OperationId = Guid.NewGuid().ToString("N"),
            Changes = { new ReservationChangeItem { Date = Wire(day), Service = SchoolServiceKind.SchoolServiceCanteen, Reserved = !expected[(child, day)] } },
        };
        var reply = await SendAsync(request);
        if (!reply.Applied)
            throw new Xunit.Sdk.XunitException($"The change of {child} on {Wire(day)} was refused: {string.Join("; ", reply.Outcomes.Select(o => o.Refusal))}.");
        expected[(child, day)] = !expected[(child, day)];
        sent.Add((request, reply));

        if (index % 3 == 2)
        {
            var (earlier, answer) = sent[^3];
            Assert.Equal(answer, await SendAsync(earlier));
            Resent++;
        }
    }

    private Task<ChangeReservationsReply> SendAsync(ChangeReservationsRequest request) =>
        cloud.CallAsync("ChangeReservations", (channel, deadline) =>
            new ReservationsService.ReservationsClient(channel).ChangeReservationsAsync(request, parent, deadline).ResponseAsync);

    private async Task<List<(string Child, DateOnly Day, bool Reserved)>> CanteenDaysAsync()
    {
        var cells = new List<(string, DateOnly, bool)>();
        foreach (var child in children)
        {
            var calendar = await cloud.CallAsync("GetChildCalendar", (channel, deadline) =>
                new ReservationsService.ReservationsClient(channel).GetChildCalendarAsync(
                    new ChildCalendarRequest { ChildId = child, From = Wire(days.Min()), To = Wire(days.Max()) }, parent, deadline).ResponseAsync);
            foreach (var day in days)
            {
                var cell = calendar.Days.Single(d => d.Date == Wire(day)).Services.Single(s => s.Service == SchoolServiceKind.SchoolServiceCanteen);
                cells.Add((child, day, cell.Reserved));
            }
        }
        return cells;
    }
}
