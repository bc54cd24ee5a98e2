namespace CarteValoise.Grains.Children;

// The child's card: issued, replaced, reported lost; each carried by the enrolment to the card and the roster.
public sealed partial class ChildGrain
{
    public Task IssueCard(string cardUid)
    {
        var profile = Enrolled;
        // A replacement: the enrolment retires the former card, which leaves the roster for the new one.
        return Enrol(profile with { CardUid = NormalisedCardUid(cardUid ?? ""), CardStatus = CardStatus.Active });
    }

    public Task ReportCardLost()
    {
        var profile = Enrolled;
        if (profile.CardStatus == CardStatus.None)
            throw new InvalidOperationException($"{profile.FirstName} n'a pas de carte : il n'y a rien à bloquer.");
        // Already lost: enrolled again all the same, to repair a step a failure may have cut short.
        return Enrol(profile with { CardStatus = CardStatus.Lost });
    }
}
