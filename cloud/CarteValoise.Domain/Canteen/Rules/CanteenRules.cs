namespace CarteValoise.Domain.Canteen;

/// <summary>
/// Everything a commune decides about its school services, checked and ready to apply: the school
/// year, the reservation and cancellation cut-offs, which services run on which weekdays in which
/// schools, what they cost, and how families are billed. Every grain that reserves, counts, charges
/// or invoices asks this one object, so a rule lives in one place.
/// </summary>
public sealed class CanteenRules
{
    private readonly IReadOnlyDictionary<SchoolService, ServiceSchedule> _schedules;
    // A service without listed schools runs in every school of the commune.
    private readonly IReadOnlyDictionary<SchoolService, IReadOnlySet<string>> _schools;
    private readonly IReadOnlyDictionary<string, string> _schoolNames;
    private readonly IReadOnlyDictionary<SchoolService, BookingRules> _booking;

    private CanteenRules(SchoolCalendar calendar, CutOffRule reservationCutOff, CutOffRule cancellationCutOff,
        CommuneTariffs tariffs, BillingMode billingMode, PrepaidBalanceRules prepaid, MonthlyInvoiceRules invoicing,
        IReadOnlyDictionary<SchoolService, ServiceSchedule> schedules, IReadOnlyDictionary<SchoolService, IReadOnlySet<string>> schools,
        IReadOnlyDictionary<string, string> schoolNames)
    {
        Calendar = calendar;
        ReservationCutOff = reservationCutOff;
        CancellationCutOff = cancellationCutOff;
        Tariffs = tariffs;
        BillingMode = billingMode;
        Prepaid = prepaid;
        Invoicing = invoicing;
        _schedules = schedules;
        _schools = schools;
        _schoolNames = schoolNames;
        Services = [.. schedules.Keys.Order()];
        _booking = schedules.ToDictionary(s => s.Key, s => new BookingRules(calendar, s.Value, reservationCutOff, cancellationCutOff));
    }

    public SchoolCalendar Calendar { get; }

    public CutOffRule ReservationCutOff { get; }

    public CutOffRule CancellationCutOff { get; }

    public CommuneTariffs Tariffs { get; }

    public BillingMode BillingMode { get; }

    public PrepaidBalanceRules Prepaid { get; }

    public MonthlyInvoiceRules Invoicing { get; }

    /// <summary>The services the commune runs, in the order of <see cref="SchoolService"/>.</summary>
    public IReadOnlyList<SchoolService> Services { get; }

    /// <summary>
    /// Checks the whole draft and reports every problem at once (<see cref="InvalidRulesException"/>).
    /// <paramref name="communeSchools"/> (id → name) are the commune's schools: a service listing another
    /// school is refused, and refusals name the school. Null skips that check (the schools are not known).
    /// </summary>
    public static CanteenRules Create(CanteenRulesDraft draft, IReadOnlyDictionary<string, string>? communeSchools = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new RulesProblems();
        var year = draft.SchoolYear;
        var calendar = problems.Build(() => SchoolCalendar.Create(year.Name, year.Rentree, year.SummerBeginsAfterClassOn, year.Holidays, year.ClassDays));
        var reservation = problems.Build(() => CutOffRule.Parse(draft.ReservationCutOff), "Délai de réservation");
        var cancellation = problems.Build(() => CutOffRule.Parse(draft.CancellationCutOff), "Délai d'annulation");

        if (!draft.Services.Any(s => s.Service == SchoolService.Canteen))
            problems.Add("La cantine doit figurer parmi les services de la commune.");
        var schedules = new Dictionary<SchoolService, ServiceSchedule>();
        var schools = new Dictionary<SchoolService, IReadOnlySet<string>>();
        var tariffs = new List<ServiceTariff>();
        foreach (var service in draft.Services)
        {
            if (!Enum.IsDefined(service.Service))
            {
                problems.Add($"Service inconnu ({(int)service.Service}).");
                continue;
            }
            var label = service.Service.Label();
            if (schedules.ContainsKey(service.Service) || schools.ContainsKey(service.Service))
            {
                problems.Add($"{label} : le service est décrit deux fois.");
                continue;
            }
            var schedule = problems.Build(() => ServiceSchedule.Create(service.Service, service.Days));
            var listed = service.SchoolIds.Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal);
            if (communeSchools is not null)
                foreach (var unknown in listed.Where(id => !communeSchools.ContainsKey(id)).Order(StringComparer.Ordinal))
                    problems.Add($"{label} : l'école « {unknown} » n'est pas une école de la commune.");
            var tariff = Tariff(service, problems);
            schools[service.Service] = listed;
            if (schedule is not null) schedules[service.Service] = schedule;
            if (tariff is not null) tariffs.Add(tariff);
        }

        if (!Enum.IsDefined(draft.BillingMode)) problems.Add($"Mode de facturation inconnu ({(int)draft.BillingMode}).");
        var prepaid = problems.Build(() => new PrepaidBalanceRules(draft.LowBalanceThresholdCents, draft.NegativeFloorCents));
        var communeTariffs = problems.Build(() => CommuneTariffs.Create(tariffs));
        problems.ThrowIfAny();
        return new CanteenRules(calendar!, reservation!, cancellation!, communeTariffs!, draft.BillingMode, prepaid!,
            new MonthlyInvoiceRules(draft.BillReservedButNotTaken), schedules, schools,
            communeSchools ?? new Dictionary<string, string>());
    }

    private static ServiceTariff? Tariff(ServiceDraft service, RulesProblems problems)
    {
        var label = service.Service.Label();
        var resident = problems.Build(service.Resident, $"{label}, tarif des habitants");
        var outside = service.OutsideCommune is { } rule ? problems.Build(rule, $"{label}, tarif hors commune") : null;
        // Built even when a price rule was refused, with a stand-in price, so the PAI price and the
        // surcharge are checked in the same pass.
        var tariff = problems.Build(() => new ServiceTariff(service.Service, resident ?? new FlatPrice(1), outside,
            service.PaiHomeMealCents, service.UnreservedSurchargeCents), label);
        return resident is null || (service.OutsideCommune is not null && outside is null) ? null : tariff;
    }

    /// <summary>Whether the commune runs the service in that school at all (whatever the day).</summary>
    public bool Offers(SchoolService service, string schoolId) =>
        _schools.TryGetValue(service, out var schools) && (schools.Count == 0 || schools.Contains(schoolId));

    /// <summary>
    /// Null when the service runs in that school that day; otherwise the reason a parent reads:
    /// «La commune ne propose pas l'accueil du mercredi.», «L'accueil du soir n'est pas proposé à
    /// l'école Jules Ferry.», «Pas de cantine le mercredi 11 novembre 2026 : jour férié (Armistice 1918).»
    /// </summary>
    public string? WhyNotOn(SchoolService service, string schoolId, DateOnly day)
    {
        if (!_schedules.TryGetValue(service, out var schedule)) return $"La commune ne propose pas {service.WithArticle()}.";
        if (!Offers(service, schoolId))
            return _schoolNames.TryGetValue(schoolId, out var name)
                ? $"{service.NotOffered()} à l'école {name}."
                : $"{service.NotOffered()} dans cette école.";
        return schedule.WhyNotOn(day, Calendar);
    }

    /// <summary>The calendar, the service's weekdays and the two cut-offs, for reserving and cancelling.</summary>
    public BookingRules BookingFor(SchoolService service) => _booking.TryGetValue(service, out var rules)
        ? rules
        : throw new InvalidOperationException($"La commune ne propose pas {service.WithArticle()}.");
}
