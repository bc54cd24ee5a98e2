namespace CarteValoise.Grains.Cards;

/// <summary>Who holds a card: the link from a UID read at a box or a kiosk to a child and a family.</summary>
[GenerateSerializer, Immutable]
public sealed record CardHolder(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string SchoolId,
    [property: Id(3)] string CommuneCode,
    [property: Id(4)] bool Blocked);

/// <summary>A card, keyed by its normalised UID (<see cref="Domain.Cards.CardUid"/>).</summary>
public interface ICardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Gives the card to a child, or updates what it says of its holder. Refused (ArgumentException in
    /// French, nothing changed) when another child holds it, even blocked: one card, one child.
    /// </summary>
    Task Assign(CardHolder holder);
    Task<CardHolder?> GetHolder();
    /// <summary>
    /// The child no longer uses this card (replaced): it stays linked to them, so that taps read
    /// before the replacement still reach them, but blocked. Does nothing for another child's card.
    /// </summary>
    Task Retire(string childId);
}
