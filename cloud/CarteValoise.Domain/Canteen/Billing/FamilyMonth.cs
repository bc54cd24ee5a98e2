namespace CarteValoise.Domain.Canteen;

/// <summary>One child using one service on one day: a tap, a standing reservation, or an excused absence.</summary>
public sealed record ServiceUse(string ChildId, DateOnly Day, SchoolService Service);

/// <summary>A child as the invoice names them, and whether their allergy plan has them bring a home meal.</summary>
public sealed record InvoicedChild(string ChildId, string FirstName, bool PaiHomeMeal);

/// <summary>
/// What a month's invoice is computed from for one family: its pricing circumstances, its
/// children, what they took (from the taps), what stood reserved once cancellations closed, and
/// the absences the commune excused (a medical certificate, a school outing).
/// </summary>
public sealed record FamilyMonth(
    string FamilyId,
    BillingMonth Month,
    PricedFamily Family,
    IReadOnlyList<InvoicedChild> Children,
    IReadOnlyCollection<ServiceUse> Taken,
    IReadOnlyCollection<ServiceUse> Reserved,
    IReadOnlyCollection<ServiceUse> ExcusedAbsences);
