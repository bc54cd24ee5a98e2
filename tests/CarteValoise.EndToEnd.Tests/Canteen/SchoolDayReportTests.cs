using CarteValoise.Contracts.Canteen;
using CarteValoise.Contracts.EdgeSync;
using CarteValoise.Contracts.Families;
using CarteValoise.Domain.Canteen;
using CarteValoise.EndToEnd.Tests.Grpc;
using CarteValoise.EndToEnd.Tests.Platform;
using Grpc.Core;
using Xunit.Abstractions;
using static CarteValoise.EndToEnd.Tests.Canteen.WireRules;

namespace CarteValoise.EndToEnd.Tests.Canteen;

/// <summary>
/// The agents' count page over gRPC: a box newly enrolled at Cergy's second school taps two children
/// of families 9 and 10 (no other test taps them), one reserved and one who goes home for lunch; the
/// day's report and the week's counts then show the meals, the child expected but absent, the child
/// present without reservation and the allergy plans. The day is the last canteen day up to today,
/// found with the Domain's calendar: a box sends a backlog of earlier days just as well.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SchoolDayReportTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string School = "95127-E2";
    private const string ReservedAndTapping = "95127-C0091";
    private const string ReservedAndAbsent = "95127-C0092";
    private const string WithAllergyPlanAndAbsent = "95127-C0101";
    private const string HomeForLunchButTapping = "95127-C0102";
    private static readonly string[] Tapping = [Demo.CergyCard(9, 1), Demo.CergyCard(10, 2)];

    [Fact]
    public Task After_a_box_tap_the_report_counts_the_meals_and_lists_the_absent_and_the_unreserved() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);
        var rules = CanteenBooking(await canteen.Rules.GetRulesAsync(new GetRulesRequest { CommuneInseeCode = Demo.Cergy }, agent, CloudApi.Deadline));
        var day = LastDay(Today, d => rules.Schedule.RunsOn(d, rules.Calendar))
            ?? throw new Xunit.Sdk.XunitException("No canteen day in the past year.");
        var now = DateTimeOffset.UtcNow;
        var readAt = day == Today ? now.AddSeconds(-1) : ParisClock.At(day, new TimeOnly(12, 15));
        var request = new SchoolDayReportRequest { SchoolId = School, Date = Wire(day) };
        var before = await canteen.Reports.GetSchoolDayReportAsync(request, agent, CloudApi.Deadline);
        Assert.Contains(ReservedAndTapping, before.ExpectedAbsent.Select(c => c.ChildId));
        Assert.DoesNotContain(HomeForLunchButTapping, before.Children.Select(c => c.ChildId));

        var created = await cloud.Canteen.CreateBoxAsync(new CreateBoxRequest { SchoolId = School, Label = "Bilan du jour (test)" }, agent, CloudApi.Deadline);
        var enrolled = await cloud.EdgeSync.EnrolAsync(new EnrolRequest { Code = created.EnrolmentCode, SoftwareVersion = "e2e" }, deadline: CloudApi.Deadline);
        await using (var box = await BoxStream.OpenAsync(cloud, enrolled.BoxId, enrolled.Secret))
            Assert.Equal(2, await box.SendAsync(Tapping.Select((card, i) => BoxStream.Tap(i + 1, card, readAt.AddMilliseconds(i), TapDecision.Accepted))));

        var report = await canteen.Reports.GetSchoolDayReportAsync(request, agent, CloudApi.Deadline);

        Assert.Equal("", report.ClosedReason);
        Assert.Equal("École élémentaire du Ponceau", report.SchoolName);
        Assert.Equal(before.Forecast, report.Forecast);
        Assert.Equal(before.Actual + 2, report.Actual);
        Assert.Equal([HomeForLunchButTapping], report.PresentUnreserved.Select(c => c.ChildId));
        var ids = report.ExpectedAbsent.Select(c => c.ChildId).ToList();
        Assert.Contains(ReservedAndAbsent, ids);
        Assert.Contains(WithAllergyPlanAndAbsent, ids);
        Assert.DoesNotContain(ReservedAndTapping, ids);
        var tapped = Assert.Single(report.Children, c => c.ChildId == ReservedAndTapping);
        Assert.True(tapped.Reserved && tapped.Present, $"{tapped}");
        var allergy = Assert.Single(report.Allergies);
        Assert.Equal(WithAllergyPlanAndAbsent, allergy.ChildId);
        Assert.True(allergy.AllergyPlan && allergy.Reserved && !allergy.Present, $"{allergy}");
        Assert.Equal(report.Forecast, report.Children.Count(c => c.Reserved));
        Assert.Equal(report.Actual, report.Children.Count(c => c.Present));
        // The kitchen's list: by class in school order, then by name.
        string[] classes = ["CP", "CE1", "CE2", "CM1", "CM2"];
        Assert.Equal(report.Children.OrderBy(c => Array.IndexOf(classes, c.Class)).ThenBy(c => c.LastName, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(c => c.FirstName, StringComparer.InvariantCultureIgnoreCase).Select(c => c.ChildId), report.Children.Select(c => c.ChildId));

        var week = await canteen.Reports.GetWeekCountsAsync(new WeekCountsRequest { CommuneInseeCode = Demo.Cergy, Date = Wire(day) }, agent, CloudApi.Deadline);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Wire(monday.AddDays(i))), week.Days);
        Assert.Equal([Demo.CergySchool, School], week.Schools.Select(s => s.SchoolId).Order());
        if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            var count = week.Schools.Single(s => s.SchoolId == School).Days[week.Days.IndexOf(Wire(day))];
            Assert.Equal((report.Forecast, report.Actual, ""), (count.Forecast, count.Actual, count.ClosedReason));
        }
    });

    [Fact]
    public Task An_agent_cannot_read_the_report_of_another_communes_school_nor_its_week() => platform.RunAsync(output, async () =>
    {
        using var cloud = new CloudApi(await platform.CloudAsync());
        using var canteen = new CanteenClients(await platform.CloudAsync());
        var agent = await cloud.SignInAsync(Demo.CergyAgent, Demo.AgentPassword);

        var day = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reports.GetSchoolDayReportAsync(new SchoolDayReportRequest { SchoolId = "95500-E1" }, agent, CloudApi.Deadline));
        var week = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reports.GetWeekCountsAsync(new WeekCountsRequest { CommuneInseeCode = Demo.Pontoise }, agent, CloudApi.Deadline));
        var badDate = await Assert.ThrowsAsync<RpcException>(async () =>
            await canteen.Reports.GetSchoolDayReportAsync(new SchoolDayReportRequest { SchoolId = School, Date = "2026-13-40" }, agent, CloudApi.Deadline));

        Assert.Equal((StatusCode.PermissionDenied, "Accès refusé aux données de cette école."), (day.StatusCode, day.Status.Detail));
        Assert.Equal((StatusCode.PermissionDenied, "Accès refusé aux données de cette commune."), (week.StatusCode, week.Status.Detail));
        Assert.Equal((StatusCode.InvalidArgument, "Date « 2026-13-40 » invalide : attendu AAAA-MM-JJ."), (badDate.StatusCode, badDate.Status.Detail));
    });
}
