using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Tests;

public sealed class ServiceDayTests
{
    [Theory]
    [InlineData("2026-12-03T22:59:59Z", "2026-12-03")] // 23:59:59 in Paris (winter, UTC+1)
    [InlineData("2026-12-03T23:00:00Z", "2026-12-04")] // midnight in Paris
    [InlineData("2027-06-14T21:59:59Z", "2027-06-14")] // 23:59:59 in Paris (summer, UTC+2)
    [InlineData("2027-06-14T22:00:00Z", "2027-06-15")]
    [InlineData("2027-03-28T00:30:00Z", "2027-03-28")] // the night the clocks go forward
    [InlineData("2027-10-30T22:30:00Z", "2027-10-31")] // the night the clocks go back
    public void An_instant_belongs_to_its_Paris_day(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day), ServiceDay.Of(DateTimeOffset.Parse(instant)));

    [Fact]
    public void An_empty_wire_day_means_today_in_Paris_and_a_bad_one_is_refused()
    {
        var late = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-12-31T23:30:00Z"));
        Assert.True(ServiceDay.TryParse("", late, out var today));
        Assert.Equal(new DateOnly(2027, 1, 1), today);
        Assert.False(ServiceDay.TryParse("31/12/2026", late, out _));
        Assert.False(ServiceDay.TryParse("2026-02-30", late, out _));
    }
}
