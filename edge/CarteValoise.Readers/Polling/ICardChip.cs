namespace CarteValoise.Readers.Polling;

/// <summary>A reader chip once connected, asked again and again whether a card is in its field.</summary>
internal interface ICardChip : IDisposable
{
    /// <summary>
    /// The UID of the card in the field, as the card sent it; null when there is none. Blocks for
    /// the exchange with the chip. Throws when the chip does not answer as it should.
    /// </summary>
    byte[]? FindCard();
}
