using System.Collections.Concurrent;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Communes;

namespace CarteValoise.Grains.Children;

// What the parents' calendar and the month's invoice read: what runs, what is reserved, what was taken.
public sealed partial class ChildGrain
{
    public const int MaxCalendarDays = 62;

    public async Task<ChildCalendar> GetCalendar(DateOnly first, DateOnly last)
    {
        if (last < first)
            throw new ArgumentException($"La période est à l'envers : le {FrenchText.Day(last)} précède le {FrenchText.Day(first)}.");
        var days = last.DayNumber - first.DayNumber + 1;
        if (days > MaxCalendarDays)
            throw new ArgumentException($"Le calendrier couvre au plus {MaxCalendarDays} jours ({days} demandés).");
        var profile = Enrolled;
        var rules = await RulesInForce(profile);
        var services = rules.Services.Where(s => rules.Offers(s, profile.SchoolId)).ToList();
        var now = time.GetUtcNow();
        var cells = new List<CalendarCell>(days * services.Count);
        for (var day = first; day <= last; day = day.AddDays(1))
            foreach (var service in services)
            {
                var closed = rules.WhyNotOn(service, profile.SchoolId, day);
                var reserved = closed is null && IsReserved(day, service);
                // The deadline shown is the one of the change the parent would make: cancel what is reserved, reserve what is not.
                var booking = rules.BookingFor(service);
                var change = reserved ? booking.CanCancel(day, now) : booking.CanReserve(day, now);
                cells.Add(new CalendarCell(day, service, closed is null, closed, reserved, WasTaken(day, service),
                    change.Allowed, change.Refusal, change.Deadline));
            }
        return new ChildCalendar(profile, cells);
    }

    public async Task<ChildMonthUses> GetMonthUses(DateOnly monthStart)
    {
        if (monthStart.Day != 1)
            throw new ArgumentException($"Un mois commence le 1er : le {FrenchText.Day(monthStart)} n'en est pas le début.");
        var profile = Enrolled;
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        bool InMonth(DateOnly day) => day >= monthStart && day <= monthEnd;

        var taken = MealDays.Where(InMonth).Select(day => new ServiceUseRecord(day, SchoolService.Canteen))
            .Concat(state.State.CareSessions.Where(c => InMonth(c.Day)).Select(c => new ServiceUseRecord(c.Day, c.Session)))
            .OrderBy(u => u.Day).ThenBy(u => u.Service)
            .ToList();

        // Cancellations close before the day, so what stands now is what stood when the day came.
        var rules = await RulesInForce(profile);
        var reserved = new List<ServiceUseRecord>();
        for (var day = monthStart; day <= monthEnd; day = day.AddDays(1))
            foreach (var service in rules.Services)
                if (rules.Offers(service, profile.SchoolId) && rules.WhyNotOn(service, profile.SchoolId, day) is null && IsReserved(day, service))
                    reserved.Add(new ServiceUseRecord(day, service));
        return new ChildMonthUses(profile, taken, reserved);
    }

    private bool WasTaken(DateOnly day, SchoolService service) =>
        service == SchoolService.Canteen ? MealDays.Contains(day) : CareSessionsTaken.Contains((day, service));

    // Every child of a commune reads the same rules, and a month close reads them for thousands of
    // children: they are checked once per version in the silo, not once per child.
    private static readonly ConcurrentDictionary<string, (CanteenRulesVersion Version, CanteenRules Rules)> RulesByCommune = new();

    private async Task<CanteenRules> RulesInForce(ChildProfile profile)
    {
        var inForce = await GrainFactory.GetGrain<ICommuneGrain>(profile.CommuneCode).GetCanteenRules();
        // Version 0 follows the commune's profile, so it is compared whole; a saved version never changes.
        if (RulesByCommune.TryGetValue(profile.CommuneCode, out var known) && known.Version.Version == inForce.Version
            && (inForce.Version > 0 || known.Version.Rules.SameAs(inForce.Rules)))
            return known.Rules;
        var rules = inForce.Rules.ToDomain();
        RulesByCommune[profile.CommuneCode] = (inForce, rules);
        return rules;
    }
}
