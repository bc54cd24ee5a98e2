namespace CarteValoise.Domain.Payments;

/// <summary>
/// What PayFiP's <c>resultrans</c> says: <c>P</c> paid by card, <c>V</c> paid by direct debit,
/// <c>R</c> card refused, <c>Z</c> direct debit refused, <c>A</c> abandoned; anything else is an error
/// of the gateway, never a payment.
/// </summary>
public enum TransactionResult
{
    Unrecognised = 0,
    PaidByCard,
    PaidByDirectDebit,
    CardRefused,
    DirectDebitRefused,
    Abandoned,
}

public static class TransactionResults
{
    public static TransactionResult Parse(string? resultrans) => resultrans?.Trim() switch
    {
        "P" => TransactionResult.PaidByCard,
        "V" => TransactionResult.PaidByDirectDebit,
        "R" => TransactionResult.CardRefused,
        "Z" => TransactionResult.DirectDebitRefused,
        "A" => TransactionResult.Abandoned,
        _ => TransactionResult.Unrecognised,
    };

    public static bool IsPaid(this TransactionResult result) => result is TransactionResult.PaidByCard or TransactionResult.PaidByDirectDebit;

    public static bool IsRefused(this TransactionResult result) => result is TransactionResult.CardRefused or TransactionResult.DirectDebitRefused;

    /// <summary>«carte bancaire», «prélèvement unique»: how the money came, for receipts and movements.</summary>
    public static string Means(this TransactionResult result) => result switch
    {
        TransactionResult.PaidByDirectDebit or TransactionResult.DirectDebitRefused => "prélèvement unique",
        _ => "carte bancaire",
    };
}
