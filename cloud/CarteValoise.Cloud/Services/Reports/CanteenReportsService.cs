using System.Globalization;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains;
using CarteValoise.Grains.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Schools;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Reports;

/// <summary>
/// What the agents and the kitchen read of a commune's canteen: per school and day the forecast
/// (reservations) against the actual (meal taps) with the lists behind them, per week the counts of
/// every school. Agents of the commune only. Every school and day is asked at once, so that a
/// commune of forty schools answers in the time of its slowest grain, not of their sum.
/// </summary>
public sealed class CanteenReportsService(
    IGrainFactory grains,
    CallerResolver callers,
    TimeProvider time,
    ILogger<CanteenReportsService> logger) : CanteenReports.CanteenReportsBase
{
    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    public override async Task<SchoolDayReport> GetSchoolDayReport(SchoolDayReportRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var schoolGrain = grains.GetGrain<ISchoolGrain>(string.IsNullOrWhiteSpace(request.SchoolId) ? "-" : request.SchoolId.Trim());
        var school = await schoolGrain.GetProfile();
        // An unknown school and another commune's school look the same: no existence leak.
        if (school is null || !AccessRules.CanReadCommune(caller, school.CommuneCode))
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé le bilan de l'école {SchoolId}", caller.AccountId, caller.Role, request.SchoolId);
            throw WireErrors.PermissionDenied("Accès refusé aux données de cette école.");
        }
        var day = WireDates.ParseOrToday(request.Date, time);

        var commune = grains.GetGrain<ICommuneGrain>(school.CommuneCode);
        var rulesTask = commune.GetCanteenRules();
        var schoolsTask = commune.GetSchools();
        var planTask = schoolGrain.GetDayPlan(day, SchoolService.Canteen);
        var mealsTask = grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(school.SchoolId, day)).GetMealChildIds();
        var closed = (await rulesTask).Rules.ToDomain(await schoolsTask).WhyNotOn(SchoolService.Canteen, school.SchoolId, day);
        var plan = await planTask;
        var present = (await mealsTask).ToHashSet();

        // On a day without canteen nobody is expected, whatever the standing days say.
        var reserved = closed is null ? plan.Where(c => c.Reserved).Select(c => c.ChildId).ToHashSet() : [];
        var planned = plan.ToDictionary(c => c.ChildId);
        // A child who ate here without being on the school's roster (moved school, visiting) is still listed.
        var strangers = await Task.WhenAll(present.Where(id => !planned.ContainsKey(id)).Select(id => grains.GetGrain<IChildGrain>(id).GetProfile()));
        foreach (var child in strangers.OfType<ChildProfile>())
            planned[child.ChildId] = new PlannedChild(child.ChildId, child.FirstName, child.LastName, child.Class, child.AllergyPlan, Reserved: false);

        var listed = planned.Values
            .Where(c => reserved.Contains(c.ChildId) || present.Contains(c.ChildId))
            .OrderBy(c => c.Class, SchoolClassOrder.Instance).ThenBy(c => c.LastName, Names).ThenBy(c => c.FirstName, Names).ThenBy(c => c.ChildId, StringComparer.Ordinal)
            .Select(c => new ReportedChild
            {
                ChildId = c.ChildId,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Class = c.Class,
                AllergyPlan = c.AllergyPlan,
                Reserved = reserved.Contains(c.ChildId),
                Present = present.Contains(c.ChildId),
            })
            .ToList();

        var report = new SchoolDayReport
        {
            SchoolId = school.SchoolId,
            SchoolName = school.Name,
            CommuneInseeCode = school.CommuneCode,
            Date = WireDates.Format(day),
            ClosedReason = closed ?? "",
            Forecast = reserved.Count,
            Actual = present.Count,
        };
        report.ExpectedAbsent.AddRange(listed.Where(c => c.Reserved && !c.Present));
        report.PresentUnreserved.AddRange(listed.Where(c => c.Present && !c.Reserved));
        report.Allergies.AddRange(listed.Where(c => c.AllergyPlan));
        report.Children.AddRange(listed);
        return report;
    }

    public override async Task<WeekCounts> GetWeekCounts(WeekCountsRequest request, ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (!AccessRules.CanReadCommune(caller, request.CommuneInseeCode))
        {
            logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé les chiffres de la commune {Commune}", caller.AccountId, caller.Role, request.CommuneInseeCode);
            throw WireErrors.PermissionDenied("Accès refusé aux données de cette commune.");
        }
        var day = WireDates.ParseOrToday(request.Date, time);
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var days = Enumerable.Range(0, 5).Select(monday.AddDays).ToList();

        var commune = grains.GetGrain<ICommuneGrain>(request.CommuneInseeCode);
        var profileTask = commune.GetProfile();
        var schoolsTask = commune.GetSchools();
        var rulesTask = commune.GetCanteenRules();
        var schools = await schoolsTask;
        var rules = (await rulesTask).Rules.ToDomain(schools);
        var counts = await Task.WhenAll(schools.SelectMany(s => days.Select(d => Count(s.SchoolId, d, rules))));

        var reply = new WeekCounts { CommuneInseeCode = request.CommuneInseeCode, CommuneName = (await profileTask)?.Name ?? request.CommuneInseeCode };
        reply.Days.AddRange(days.Select(WireDates.Format));
        reply.Schools.AddRange(schools.Select((s, i) =>
        {
            var week = new SchoolWeek { SchoolId = s.SchoolId, SchoolName = s.Name };
            week.Days.AddRange(counts.Skip(i * days.Count).Take(days.Count));
            return week;
        }));
        return reply;
    }

    private async Task<DayCount> Count(string schoolId, DateOnly day, Domain.Canteen.CanteenRules rules)
    {
        var actualTask = grains.GetGrain<ISchoolDayGrain>(GrainKeys.SchoolDay(schoolId, day)).GetMealCount();
        var closed = rules.WhyNotOn(SchoolService.Canteen, schoolId, day);
        var forecast = closed is null ? (await grains.GetGrain<ISchoolGrain>(schoolId).GetDayPlan(day, SchoolService.Canteen)).Count(c => c.Reserved) : 0;
        return new DayCount { Forecast = forecast, Actual = await actualTask, ClosedReason = closed ?? "" };
    }
}
