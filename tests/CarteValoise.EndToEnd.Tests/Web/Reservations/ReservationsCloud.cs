using System.Globalization;
using CarteValoise.Contracts.Reservations;
using CarteValoise.EndToEnd.Tests.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using ReservationsService = CarteValoise.Contracts.Reservations.Reservations;

namespace CarteValoise.EndToEnd.Tests.Web.Reservations;

/// <summary>A child's calendar read straight from the cloud, so that the page is checked against the truth and not against itself.</summary>
public sealed class ReservationsCloud(Uri cloud) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(cloud);
    private readonly CloudApi api = new(cloud);

    public Task<Metadata> SignInAsync(string email, string password) => api.SignInAsync(email, password);

    public async Task<ChildCalendarReply> CalendarAsync(Metadata session, string childId, DateOnly first, DateOnly last) =>
        await new ReservationsService.ReservationsClient(channel).GetChildCalendarAsync(new ChildCalendarRequest
        {
            ChildId = childId,
            From = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, session, CloudApi.Deadline);

    /// <summary>Whether the cloud holds this service reserved that day.</summary>
    public async Task<bool> IsReservedAsync(Metadata session, string childId, DateOnly day, string service)
    {
        var calendar = await CalendarAsync(session, childId, day, day);
        var kind = ServiceOf(service);
        return calendar.Days.Single().Services.Single(s => s.Service == kind).Reserved;
    }

    public static CarteValoise.Contracts.Canteen.SchoolServiceKind ServiceOf(string field) => field switch
    {
        "cantine" => CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceCanteen,
        "matin" => CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceMorningCare,
        "soir" => CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceEveningCare,
        "mercredi" => CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceWednesdayCare,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a service of the reservation page."),
    };

    public static string FieldOf(CarteValoise.Contracts.Canteen.SchoolServiceKind service) => service switch
    {
        CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceCanteen => "cantine",
        CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceMorningCare => "matin",
        CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceEveningCare => "soir",
        CarteValoise.Contracts.Canteen.SchoolServiceKind.SchoolServiceWednesdayCare => "mercredi",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a service of the reservation page."),
    };

    public void Dispose()
    {
        api.Dispose();
        channel.Dispose();
    }
}
