namespace CarteValoise.Domain.Canteen;

/// <summary>
/// A family's monthly invoice from taps and reservations. For each child, day and service of the
/// month (several taps of one day count once):
/// taken and reserved — one line at the unit price;
/// taken without reservation — that line, and a surcharge line if the commune sets one;
/// reserved, not taken — a line «réservé, non consommé» at the unit price when the commune bills
/// those, unless the absence is excused; nothing otherwise.
/// Lines run by date, then child, then service. Days outside the month are ignored.
/// </summary>
public static class MonthlyInvoiceCalculator
{
    public static MonthlyInvoice Compute(FamilyMonth input, CommuneTariffs tariffs, MonthlyInvoiceRules rules)
    {
        QuotientFamilialRange.Check(input.Family.QuotientFamilial);
        var children = input.Children.ToDictionary(c => c.ChildId);
        var taken = InMonth(input.Taken, input.Month);
        var reserved = InMonth(input.Reserved, input.Month);
        var excused = InMonth(input.ExcusedAbsences, input.Month);
        foreach (var use in taken.Concat(reserved))
            if (!children.ContainsKey(use.ChildId))
                throw new ArgumentException($"Le {FrenchText.Day(use.Day)}, « {use.Service.Label()} » est compté pour l'enfant {use.ChildId}, qui n'est pas de la famille {input.FamilyId}.");

        var lines = new List<InvoiceLine>();
        foreach (var use in taken.Union(reserved).OrderBy(u => u.Day).ThenBy(u => children[u.ChildId].FirstName, StringComparer.Ordinal).ThenBy(u => u.ChildId).ThenBy(u => u.Service))
        {
            var child = children[use.ChildId];
            var wasTaken = taken.Contains(use);
            var wasReserved = reserved.Contains(use);
            if (!wasTaken && (!rules.BillReservedButNotTaken || excused.Contains(use))) continue;
            var quote = tariffs.For(use.Service).Quote(input.Family, child.PaiHomeMeal, wasReserved);
            var description = wasTaken ? quote.Basis : $"réservé, non consommé ({quote.Basis})";
            lines.Add(new InvoiceLine(use.Day, child.ChildId, child.FirstName, use.Service, description, quote.PriceCents, 1));
            if (wasTaken && quote.SurchargeCents > 0)
                lines.Add(new InvoiceLine(use.Day, child.ChildId, child.FirstName, use.Service, "majoration sans réservation", quote.SurchargeCents, 1));
        }
        return new MonthlyInvoice(input.FamilyId, input.Month, lines);
    }

    private static HashSet<ServiceUse> InMonth(IEnumerable<ServiceUse> uses, BillingMonth month) => uses.Where(u => month.Contains(u.Day)).ToHashSet();
}
