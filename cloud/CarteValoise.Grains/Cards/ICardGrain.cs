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
    Task Assign(CardHolder holder);
    Task<CardHolder?> GetHolder();
}
