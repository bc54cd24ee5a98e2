using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Grains.Children;
using ProtoCardState = CarteValoise.Contracts.Enrolment.CardState;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>What the shared wire mappings (Services/Mapping) do not cover yet: an optional day, card states, and what a tap was for.</summary>
internal static class EnrolmentWire
{
    /// <summary>yyyy-MM-dd, or empty when not given.</summary>
    public static string Day(DateOnly? day) => day is { } value ? WireDates.Format(value) : "";

    public static ProtoCardState CardState(ChildProfile child) => child.CardStatus switch
    {
        _ when string.IsNullOrEmpty(child.CardUid) => ProtoCardState.None,
        CardStatus.Lost => ProtoCardState.Lost,
        CardStatus.None => ProtoCardState.None,
        _ => ProtoCardState.Active,
    };

    /// <summary>What a tap was for, in the words of the family's page (FamilySummaryReader says the same).</summary>
    public static string TapService(TapService service) => service switch
    {
        Grains.Children.TapService.CareCheckIn => "arrivée au périscolaire",
        Grains.Children.TapService.CareCheckOut => "départ du périscolaire",
        _ => "cantine",
    };
}
