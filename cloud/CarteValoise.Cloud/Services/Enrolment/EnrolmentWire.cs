using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Grains.Children;
using ProtoCardState = CarteValoise.Contracts.Enrolment.CardState;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>What the shared wire mappings (Services/Mapping) do not cover: an optional day and card states.</summary>
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
}
