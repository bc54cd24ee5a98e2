using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Enrolment;

namespace CarteValoise.Grains.Demarches;

/// <summary>What an agent typed in the queue's search box: a whole reference, a number («12», «000012»), or part of a name.</summary>
internal readonly record struct QueueSearch(string? Reference, int? Number, string? NameKey)
{
    public static QueueSearch Of(string? text)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0) return default;
        if (DemarcheReference.TryParse(typed.ToUpperInvariant(), out var reference)) return new(reference.ToString(), null, null);
        if (typed.Length <= 9 && typed.All(char.IsAsciiDigit))
            return new(null, int.Parse(typed, System.Globalization.CultureInfo.InvariantCulture), null);
        var key = TextKey.Of(typed);
        return key.Length == 0 ? default : new(null, null, key);
    }

    public bool Matches(QueueLine line) =>
        Reference is not null ? line.Summary.Reference == Reference
        : Number is { } number ? line.Summary.Number == number
        : NameKey is null || line.SearchName.Contains(NameKey, StringComparison.Ordinal);
}
