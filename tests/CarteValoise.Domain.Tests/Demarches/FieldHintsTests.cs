using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

public sealed class FieldHintsTests
{
    private static readonly DateOnly Today = new(2026, 3, 12);

    [Theory]
    [InlineData(FieldKind.Number, 1.0, 10.0, null, null, null, null, "Entre 1 et 10.")]
    [InlineData(FieldKind.Number, 0.5, null, null, null, null, null, "Au moins 0,5.")]
    [InlineData(FieldKind.Number, null, 1000.0, null, null, null, null, "Au plus 1000.")]
    [InlineData(FieldKind.Date, null, null, null, null, null, -1, "Une date passée.")]
    [InlineData(FieldKind.Date, null, null, null, null, null, 0, "Aujourd'hui ou avant.")]
    [InlineData(FieldKind.Date, null, null, null, null, 1, null, "Une date à venir.")]
    [InlineData(FieldKind.Date, null, null, null, null, 14, null, "Dans 14 jours au plus tôt.")]
    [InlineData(FieldKind.Date, null, null, null, null, 14, 180, "Entre dans 14 jours et dans 180 jours.")]
    [InlineData(FieldKind.Text, null, null, null, 12, null, null, "12 caractères au plus.")]
    [InlineData(FieldKind.Text, null, null, 2, 12, null, null, "Entre 2 et 12 caractères.")]
    [InlineData(FieldKind.Text, null, null, null, null, null, null, "")]
    [InlineData(FieldKind.Phone, null, null, null, null, null, null, "10 chiffres.")]
    [InlineData(FieldKind.Choice, null, null, null, null, null, null, "")]
    public void A_rule_is_told_in_words(FieldKind kind, double? min, double? max, int? minLength, int? maxLength, int? minDays, int? maxDays, string hint)
    {
        var field = new FormField("champ", "Champ", kind, Rule: new FieldRule((decimal?)min, (decimal?)max, minLength, maxLength, MinDays: minDays, MaxDays: maxDays));

        Assert.Equal(hint, FieldHints.Describe(field));
    }

    [Fact]
    public void A_rule_gives_the_inputs_bounds()
    {
        var number = new FormField("exemplaires", "Exemplaires", FieldKind.Number, Rule: new FieldRule(Min: 1, Max: 2.5m));
        var date = new FormField("date", "Date", FieldKind.Date, Rule: new FieldRule(MinDays: 14, MaxDays: -1));
        var text = new FormField("nom", "Nom", FieldKind.Text);

        Assert.Equal(("1", "2.5"), (FieldHints.HtmlMin(number, Today), FieldHints.HtmlMax(number, Today)));
        Assert.Equal(("2026-03-26", "2026-03-11"), (FieldHints.HtmlMin(date, Today), FieldHints.HtmlMax(date, Today)));
        Assert.Equal(("", ""), (FieldHints.HtmlMin(text, Today), FieldHints.HtmlMax(text, Today)));
        Assert.Equal(500, FieldHints.HtmlMaxLength(text));
        Assert.Equal(12, FieldHints.HtmlMaxLength(text with { Rule = new FieldRule(MaxLength: 12) }));
        Assert.Equal(0, FieldHints.HtmlMaxLength(number));
        Assert.Equal("De 1 à 3.", FieldHints.Describe(new FormField("personnes", "Personne", FieldKind.Group, Required: true, MaxItems: 3)));
    }
}
