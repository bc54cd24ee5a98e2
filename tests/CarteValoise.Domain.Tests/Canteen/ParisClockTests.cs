using CarteValoise.Domain.Canteen;
using static CarteValoise.Domain.Tests.Canteen.Examples;

namespace CarteValoise.Domain.Tests.Canteen;

public sealed class ParisClockTests
{
    [Theory]
    [InlineData("2026-12-01", "12:00", "2026-12-01T11:00:00Z")] // winter time, UTC+1
    [InlineData("2027-03-30", "12:00", "2027-03-30T10:00:00Z")] // summer time, UTC+2
    [InlineData("2027-03-28", "01:59", "2027-03-28T00:59:00Z")] // just before the clocks go forward
    [InlineData("2027-03-28", "02:00", "2027-03-28T01:00:00Z")] // 02:00 does not exist: read 03:00
    [InlineData("2027-03-28", "02:30", "2027-03-28T01:30:00Z")] // 02:30 does not exist: read 03:30
    [InlineData("2027-03-28", "03:00", "2027-03-28T01:00:00Z")]
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // shown twice: the first time
    [InlineData("2026-10-25", "03:00", "2026-10-25T02:00:00Z")] // after the clocks went back
    [InlineData("2027-10-31", "02:30", "2027-10-31T00:30:00Z")]
    [InlineData("2027-10-31", "18:00", "2027-10-31T17:00:00Z")]
    public void A_Paris_wall_clock_reading_is_one_instant(string day, string time, string instant) =>
        Assert.Equal(Utc(instant), ParisClock.At(Day(day), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
}
