using CarteValoise.Contracts.Canteen;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>The wire's SchoolServiceKind and the Domain's SchoolService: the same four services.</summary>
public static class ServiceKinds
{
    public static SchoolServiceKind ToWire(this SchoolService service) => service switch
    {
        SchoolService.Canteen => SchoolServiceKind.SchoolServiceCanteen,
        SchoolService.MorningCare => SchoolServiceKind.SchoolServiceMorningCare,
        SchoolService.EveningCare => SchoolServiceKind.SchoolServiceEveningCare,
        SchoolService.WednesdayCare => SchoolServiceKind.SchoolServiceWednesdayCare,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Service inconnu."),
    };

    /// <summary>Null for a value this cloud does not know (a newer client, a forged call).</summary>
    public static SchoolService? ToDomainOrNull(this SchoolServiceKind kind) => kind switch
    {
        SchoolServiceKind.SchoolServiceCanteen => SchoolService.Canteen,
        SchoolServiceKind.SchoolServiceMorningCare => SchoolService.MorningCare,
        SchoolServiceKind.SchoolServiceEveningCare => SchoolService.EveningCare,
        SchoolServiceKind.SchoolServiceWednesdayCare => SchoolService.WednesdayCare,
        _ => null,
    };

    public static string Problem(SchoolServiceKind kind) => $"Service inconnu ({(int)kind}).";
}
