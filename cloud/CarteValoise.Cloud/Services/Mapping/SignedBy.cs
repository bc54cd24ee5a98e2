using CarteValoise.Domain.Access;

namespace CarteValoise.Cloud.Services.Mapping;

/// <summary>Who a saved version or a reservation is written down as having come from: the name people read, else the account.</summary>
public static class SignedBy
{
    public static string Of(Caller caller) => string.IsNullOrWhiteSpace(caller.DisplayName) ? caller.AccountId : caller.DisplayName;
}
