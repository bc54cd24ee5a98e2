using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen.Rules;

public sealed class CareSessionsTests
{
    [Theory]
    [InlineData("2026-12-07T06:45:00Z", SchoolService.MorningCare)]   // Monday 07:45 in Paris
    [InlineData("2026-12-07T10:59:59Z", SchoolService.MorningCare)]   // 11:59:59
    [InlineData("2026-12-07T11:00:00Z", SchoolService.EveningCare)]   // noon is the afternoon's
    [InlineData("2026-12-07T15:45:00Z", SchoolService.EveningCare)]   // 16:45
    [InlineData("2026-12-09T06:45:00Z", SchoolService.WednesdayCare)] // Wednesday 07:45
    [InlineData("2026-12-09T16:30:00Z", SchoolService.WednesdayCare)] // Wednesday 17:30
    [InlineData("2026-12-08T22:59:59Z", SchoolService.EveningCare)]   // Tuesday 23:59:59 in Paris
    [InlineData("2026-12-08T23:00:00Z", SchoolService.WednesdayCare)] // already Wednesday in Paris, not yet in UTC
    public void A_read_belongs_to_the_session_of_the_Paris_clock(string readAt, SchoolService session) =>
        Assert.Equal(session, CareSessions.SessionOf(Utc(readAt)));

    [Theory]
    // 10:30 UTC is 12:30 in Paris before the clocks go back on Sunday 25 October 2026, 11:30 after.
    [InlineData("2026-10-23T10:30:00Z", SchoolService.EveningCare)]
    [InlineData("2026-10-26T10:30:00Z", SchoolService.MorningCare)]
    // 10:30 UTC is 11:30 in Paris before the clocks go forward on Sunday 28 March 2027, 12:30 after.
    [InlineData("2027-03-26T10:30:00Z", SchoolService.MorningCare)]
    [InlineData("2027-03-29T10:30:00Z", SchoolService.EveningCare)]
    public void Noon_is_read_on_the_Paris_clock_across_the_daylight_saving_changes(string readAt, SchoolService session) =>
        Assert.Equal(session, CareSessions.SessionOf(Utc(readAt)));
}
