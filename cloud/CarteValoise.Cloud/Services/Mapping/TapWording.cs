using CarteValoise.Grains.Children;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>What a tap was for, in the words the family's page and the agents' list of taps both use.</summary>
public static class TapWording
{
    public static string Of(TapService service) => service switch
    {
        TapService.CareCheckIn => "arrivée au périscolaire",
        TapService.CareCheckOut => "départ du périscolaire",
        _ => "cantine",
    };
}
