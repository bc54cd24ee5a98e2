using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Canteen;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// Enrols what a checked preview describes. Every step is idempotent, so applying a file twice, or
/// again after an interruption, creates nothing twice: a family is found again by its former
/// number (its id is made of it), a child by names and birth date within the family, and a card
/// is issued only when the child does not hold it yet. What the file leaves empty (a telephone, a
/// class, the canteen days) keeps what the platform already knew.
/// </summary>
public sealed class FamilyImportWriter(IGrainFactory grains, FamilyIds ids)
{
    // Families are written side by side: each one is a handful of grain writes that the storage commits together.
    private const int FamiliesInFlight = 8;

    /// <summary>Enrols the preview's families; <paramref name="familiesDone"/> hears 1, 2, 3… in order as families are done.</summary>
    public async Task<ImportApplied> Apply(StoredImport import, Action<int> familiesDone, CancellationToken cancellation)
    {
        var totals = new Totals();
        var done = 0;
        var counting = new Lock();
        await Parallel.ForEachAsync(import.Families, new ParallelOptions { MaxDegreeOfParallelism = FamiliesInFlight, CancellationToken = cancellation },
            async (family, _) =>
            {
                await Enrol(import.CommuneCode, family, totals);
                // Counted and told in one step, so the counts are told in order.
                lock (counting) familiesDone(++done);
            });
        return new ImportApplied
        {
            FamiliesCreated = totals.FamiliesCreated,
            FamiliesUpdated = totals.FamiliesUpdated,
            ChildrenEnrolled = totals.ChildrenEnrolled,
            CardsIssued = totals.CardsIssued,
        };
    }

    private async Task Enrol(string communeCode, ImportedFamily family, Totals totals)
    {
        var familyId = FamilyIds.Imported(communeCode, family.FormerNumber);
        var familyGrain = grains.GetGrain<IFamilyGrain>(familyId);
        var known = await familyGrain.GetProfile();
        await familyGrain.Register(Profile(familyId, communeCode, family, known));
        if (known is null) Interlocked.Increment(ref totals.FamiliesCreated);
        else Interlocked.Increment(ref totals.FamiliesUpdated);

        var enrolled = (await Task.WhenAll((await familyGrain.GetChildIds()).Select(id => grains.GetGrain<IChildGrain>(id).GetProfile())))
            .OfType<ChildProfile>().ToList();
        foreach (var child in family.Children)
        {
            var former = enrolled.FirstOrDefault(e => ChildMatch.Same(e, child));
            if (former is null)
            {
                // A new child is enrolled with its card at once: one enrolment carried to the card and the roster, not two.
                var childId = await ids.NewChildId(communeCode);
                await grains.GetGrain<IChildGrain>(childId).Enrol(Profile(childId, familyId, communeCode, child, null));
                Interlocked.Increment(ref totals.ChildrenEnrolled);
                if (child.Card is not null) Interlocked.Increment(ref totals.CardsIssued);
                continue;
            }
            var childGrain = grains.GetGrain<IChildGrain>(former.ChildId);
            await childGrain.Enrol(Profile(former.ChildId, familyId, communeCode, child, former));
            // A card of the file the child does not hold yet replaces theirs; one they held before and has since been replaced stays retired.
            if (child.Card is { } card && card.Value != former.CardUid
                && (await grains.GetGrain<ICardGrain>(card.Value).GetHolder())?.ChildId != former.ChildId)
            {
                await childGrain.IssueCard(card.Value);
                Interlocked.Increment(ref totals.CardsIssued);
            }
        }
    }

    private static FamilyProfile Profile(string familyId, string communeCode, ImportedFamily family, FamilyProfile? known)
    {
        // A quotient the file does not give keeps the one known, with its date; a new one comes with the file's date.
        var (quotient, justifiedOn) = family.QuotientFamilial is { } qf
            ? (qf, family.QuotientFamilialDate)
            : (known?.QuotientFamilial, known?.QuotientFamilialJustifiedOn);
        return new FamilyProfile(familyId, family.Name, communeCode, quotient, known?.KioskPinHash ?? "", justifiedOn,
            Address: Given(family.Address, known?.Address),
            PostalCode: Given(family.PostalCode, known?.PostalCode),
            City: Given(family.City, known?.City),
            Phone: Given(family.Phone, known?.Phone),
            Email: Given(family.Email, known?.Email),
            LivesOutsideCommune: known?.LivesOutsideCommune ?? false,
            FormerNumber: family.FormerNumber);
    }

    private static ChildProfile Profile(string childId, string familyId, string communeCode, ImportedChild child, ChildProfile? former)
    {
        var standing = (former?.StandingReservations ?? []).Where(s => s.Service != SchoolService.Canteen).ToList();
        var canteen = child.CanteenDays.Count > 0
            ? new StandingReservation(SchoolService.Canteen, child.CanteenDays)
            : former?.StandingReservations?.FirstOrDefault(s => s.Service == SchoolService.Canteen);
        if (canteen is not null) standing.Insert(0, canteen);
        // The file's «PAI» column (also named «Panier repas») marks a child under an allergy plan who
        // brings a home meal; an agent who has since said otherwise for the meal keeps their word.
        var homeMeal = former is not null && former.AllergyPlan == child.Pai ? former.PaiHomeMeal : child.Pai;
        var (cardUid, cardStatus) = former is not null ? (former.CardUid, former.CardStatus)
            : child.Card is { } card ? (card.Value, CardStatus.Active)
            : ("", CardStatus.None);
        return new ChildProfile(childId, familyId, communeCode, child.SchoolId, child.FirstName, child.LastName,
            cardUid, child.BirthDate, Given(child.Class, former?.Class), child.Pai, homeMeal, standing, cardStatus);
    }

    private static string Given(string value, string? known) => value.Length > 0 ? value : known ?? "";

    private sealed class Totals
    {
        public int FamiliesCreated;
        public int FamiliesUpdated;
        public int ChildrenEnrolled;
        public int CardsIssued;
    }
}
