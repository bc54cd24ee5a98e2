namespace CarteValoise.Domain.Canteen;

/// <summary>How a commune bills its families: from a prepaid balance debited at each tap, or by a monthly invoice.</summary>
public enum BillingMode
{
    PrepaidBalance,
    MonthlyInvoice,
}
