using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Taps;

namespace CarteValoise.Edge.Feedback;

/// <summary>
/// What each answer looks and sounds like. Green and one short high beep: welcome. Red with a
/// rhythm of its own for each refusal, so the staff can tell them apart without looking: two
/// beeps for "already served", three quick ones for "not expected", one long low one for an
/// unknown card, three long low ones for a blocked card. An allergy plan (PAI) adds, whatever the
/// answer, both LEDs flashing with high beeps, for the staff to check the tray or the snack.
/// </summary>
public static class FeedbackPatterns
{
    private const double High = 2000;
    private const double Higher = 2600;
    private const double Middle = 880;
    private const double Low = 440;
    private const double VeryLow = 220;
    private const double Alert = 3000;

    public static readonly FeedbackPattern Accepted = new("accepté",
    [
        Step(Light.Green, High, 100),
        Step(Light.Green, null, 900),
    ]);

    /// <summary>A departure from the périscolaire: green, two rising beeps.</summary>
    public static readonly FeedbackPattern CheckedOut = new("départ",
    [
        Step(Light.Green, High, 80),
        Step(Light.Green, null, 60),
        Step(Light.Green, Higher, 80),
        Step(Light.Green, null, 780),
    ]);

    public static readonly FeedbackPattern AlreadyServed = new("déjà servi",
    [
        Step(Light.Red, Middle, 150),
        Step(Light.Red, null, 100),
        Step(Light.Red, Middle, 150),
        Step(Light.Red, null, 1100),
    ]);

    public static readonly FeedbackPattern NotExpected = new("non attendu",
    [
        Step(Light.Red, Middle, 80),
        Step(Light.Red, null, 80),
        Step(Light.Red, Middle, 80),
        Step(Light.Red, null, 80),
        Step(Light.Red, Middle, 80),
        Step(Light.Red, null, 1100),
    ]);

    public static readonly FeedbackPattern UnknownCard = new("carte inconnue",
    [
        Step(Light.Red, Low, 700),
        Step(Light.Red, null, 800),
    ]);

    public static readonly FeedbackPattern BlockedCard = new("carte bloquée",
    [
        Step(Light.Red, Low, 300),
        Step(Light.Red, null, 150),
        Step(Light.Red, Low, 300),
        Step(Light.Red, null, 150),
        Step(Light.Red, Low, 300),
        Step(Light.Red, null, 300),
    ]);

    /// <summary>The tap is not on disk: red blinking over a continuous very low tone — tap again or see an adult.</summary>
    public static readonly FeedbackPattern NotRecorded = new("non enregistré",
    [
        Step(Light.Red, VeryLow, 250),
        Step(Light.None, VeryLow, 250),
        Step(Light.Red, VeryLow, 250),
        Step(Light.None, VeryLow, 250),
        Step(Light.Red, VeryLow, 250),
        Step(Light.None, VeryLow, 250),
    ]);

    public static readonly FeedbackPattern AllergyAlert = new("PAI",
    [
        Step(Light.Both, Alert, 200),
        Step(Light.None, null, 150),
        Step(Light.Both, Alert, 200),
        Step(Light.None, null, 150),
        Step(Light.Both, Alert, 200),
        Step(Light.None, null, 150),
    ]);

    public static FeedbackPattern For(RecordedTap tap)
    {
        var answer = tap.Decision switch
        {
            Decision.Accepted when tap.Service == TapService.CareCheckOut => CheckedOut,
            Decision.Accepted => Accepted,
            Decision.AlreadyServed => AlreadyServed,
            Decision.NotExpected => NotExpected,
            Decision.BlockedCard => BlockedCard,
            _ => UnknownCard,
        };
        return tap.AllergyPlan ? answer.Then(AllergyAlert) : answer;
    }

    private static FeedbackStep Step(Light light, double? toneHz, int milliseconds) => new(light, toneHz, TimeSpan.FromMilliseconds(milliseconds));
}
