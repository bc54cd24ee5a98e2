using CarteValoise.Domain.Tariffs;

namespace CarteValoise.Domain.Canteen;

/// <summary>A commune's tariffs, one per service it runs.</summary>
public sealed class CommuneTariffs
{
    private readonly IReadOnlyDictionary<SchoolService, ServiceTariff> _byService;

    private CommuneTariffs(IReadOnlyDictionary<SchoolService, ServiceTariff> byService) => _byService = byService;

    public IReadOnlyCollection<ServiceTariff> All => [.. _byService.Values.OrderBy(t => t.Service)];

    public static CommuneTariffs Create(IEnumerable<ServiceTariff> tariffs)
    {
        var list = tariffs.ToList();
        var problems = list.GroupBy(t => t.Service).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Label()} : un seul tarif par service.").ToList();
        InvalidRulesException.ThrowIfAny(problems);
        return new CommuneTariffs(list.ToDictionary(t => t.Service));
    }

    /// <summary>The canteen alone, from the bracket tariff a commune profile already stores.</summary>
    public static CommuneTariffs CanteenOnly(MealTariff mealTariff) =>
        Create([new ServiceTariff(SchoolService.Canteen, BracketPrice.From(mealTariff))]);

    public bool Has(SchoolService service) => _byService.ContainsKey(service);

    public ServiceTariff For(SchoolService service) => _byService.TryGetValue(service, out var tariff)
        ? tariff
        : throw new InvalidOperationException($"La commune n'a pas fixé de tarif pour le service « {service.Label()} ».");
}
