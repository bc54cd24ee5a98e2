using System.Collections.Concurrent;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// The Domain checks that a file does not give one card to two of its children; only the platform
/// knows the cards already held. A card of the file held by a child the file does not describe
/// (another family, another commune, or a card reported lost) is an error of the preview, so that
/// an import never stops half-way on a refused card. A card the same child held before (since
/// replaced) is no error: the import leaves the child's current card alone.
/// </summary>
internal static class ImportCards
{
    private const int InFlight = 32;

    public static async Task<IReadOnlyList<ImportMessage>> HeldElsewhere(IGrainFactory grains, string communeCode,
        IReadOnlyList<ImportedFamily> families, CancellationToken cancellation)
    {
        var withCards = families
            .SelectMany(f => f.Children.Where(c => c.Card is not null).Select(c => (FamilyId: FamilyIds.Imported(communeCode, f.FormerNumber), Child: c)))
            .ToList();
        var problems = new ConcurrentBag<ImportMessage>();
        await Parallel.ForEachAsync(withCards, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellation }, async (item, _) =>
        {
            var uid = item.Child.Card!.Value.Value;
            var holder = await grains.GetGrain<ICardGrain>(uid).GetHolder();
            if (holder is null) return;
            if (holder.FamilyId == item.FamilyId && await grains.GetGrain<IChildGrain>(holder.ChildId).GetProfile() is { } held
                && ChildMatch.Same(held, item.Child)) return;
            problems.Add(new ImportMessage(item.Child.Line, ImportColumns.Info(ImportColumn.CardNumber).Name,
                $"la carte {uid} est déjà attribuée à un autre enfant : corrigez le numéro, ou remettez d'abord une autre carte à l'enfant qui l'a."));
        });
        return [.. problems.OrderBy(p => p.Line)];
    }
}
