using System.Globalization;
using CarteValoise.Domain.Calendar;

namespace CarteValoise.Domain.Payments;

/// <summary>What PayFiP answered to <c>recupererDetailPaiementSecurise</c> for an idOp.</summary>
public abstract record GatewayReport
{
    private GatewayReport()
    {
    }

    /// <summary>The payment's detail, every field as the gateway wrote it.</summary>
    public sealed record Detail(GatewayDetail Fields) : GatewayReport;

    /// <summary>Fault P5: the result is not known yet (the payer may still be on the page).</summary>
    public sealed record NotYetKnown : GatewayReport;

    /// <summary>Fault P1: the gateway does not know this idOp (never created, or purged).</summary>
    public sealed record UnknownIdOp : GatewayReport;
}

/// <summary>
/// The fields of PayFiP's payment detail, as text: <c>dattrans</c> DDMMYYYY and <c>heurtrans</c>
/// HHMM in Paris time, <c>montant</c> in cents.
/// </summary>
public sealed record GatewayDetail(
    string IdOp,
    string Refdet,
    string Montant,
    string Numcli,
    string Exer,
    string Resultrans,
    string Dattrans = "",
    string Heurtrans = "",
    string Numauto = "",
    string Mel = "",
    string Objet = "",
    string Saisie = "")
{
    public TransactionResult Result => TransactionResults.Parse(Resultrans);

    /// <summary>When the transaction took place, read from dattrans and heurtrans (Paris); null when they do not say.</summary>
    public DateTimeOffset? TransactionAt
    {
        get
        {
            if (!DateOnly.TryParseExact(Dattrans.Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
            var time = TimeOnly.TryParseExact(Heurtrans.Trim(), ["HHmm", "HHmmss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : TimeOnly.MinValue;
            var local = day.ToDateTime(time);
            return new DateTimeOffset(local, ServiceDay.Paris.GetUtcOffset(local));
        }
    }
}
