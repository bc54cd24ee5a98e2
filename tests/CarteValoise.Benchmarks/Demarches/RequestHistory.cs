using CarteValoise.Benchmarks.Canteen;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Benchmarks.Demarches;

/// <summary>
/// Months of a commune's requests, made up the same way at every run from the démarches its
/// catalogue really holds (their states, labels and deadlines): filing dates spread evenly up to
/// today, 70/10/20 % online/kiosk/counter, about 60 % decided after a processing time drawn around
/// each démarche's announced delay, the others open or awaiting the citizen since a recent move, so
/// that some are overdue and most are not; a share assigned to the commune's agents.
/// </summary>
public sealed class RequestHistory
{
    /// <summary>How often each démarche is asked for, as a town hall sees it: birth certificates far ahead.</summary>
    private static readonly Dictionary<string, int> Weights = new()
    {
        ["acte-naissance"] = 22,
        ["acte-mariage"] = 8,
        ["acte-deces"] = 6,
        ["inscription-scolaire"] = 8,
        ["inscription-cantine-periscolaire"] = 12,
        ["modification-dossier-famille"] = 10,
        ["certificat-urbanisme-information"] = 5,
        ["declaration-prealable-travaux"] = 6,
        ["inscription-mediatheque"] = 10,
        ["inscription-conservatoire"] = 4,
        ["reservation-salle"] = 9,
    };

    private static readonly string[] LastNames =
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
         "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Diallo",
         "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
         "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont",
         "Lopez", "Fontaine", "Chevalier", "Robin", "Traoré", "Benali", "Nguyen", "Da Silva"];
    private static readonly string[] FirstNames =
        ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Nathan", "Jade", "Adam", "Manon", "Rayan", "Camille", "Louis",
         "Sarah", "Gabriel", "Lina", "Arthur", "Zoé", "Noah", "Alice", "Yanis", "Emma", "Sacha", "Nour", "Jules",
         "Hélène", "Olivier", "Nathalie", "Stéphane", "Isabelle", "Karim", "Fatou", "Éric", "Sophie", "Mehdi"];

    public static readonly IReadOnlyList<AgentChoice> Agents =
        [.. Enumerable.Range(1, 6).Select(a => new AgentChoice($"agent{a}.demarches@banc.cartevaloise.fr", $"{FirstNames[a * 5]} {LastNames[a * 7]}"))];

    private readonly IReadOnlyList<DemarcheDefinition> _definitions;
    private readonly double[] _cumulative;

    public RequestHistory(IReadOnlyList<DemarcheDefinition> definitions)
    {
        if (definitions.Count == 0) throw new InvalidOperationException("The commune's catalogue is empty: nothing to file.");
        _definitions = definitions;
        var total = 0.0;
        _cumulative = [.. definitions.Select(d => total += Weights.GetValueOrDefault(d.Id, 5))];
        for (var i = 0; i < _cumulative.Length; i++) _cumulative[i] /= total;
    }

    /// <summary>A request as planned: what its queue line will say once it has a reference.</summary>
    public sealed record Planned(
        DateTimeOffset SubmittedAt, DemarcheDefinition Definition, WorkflowState State, DateTimeOffset? DecidedAt,
        DateTimeOffset? DueAt, RequestChannel Channel, string CitizenName, AgentChoice? Agent, int Revision)
    {
        public int Year => ServiceDay.Of(SubmittedAt).Year;

        public RequestSummary Summary(string reference) => new(
            reference, Number(reference), Definition.Id, Definition.Title, State.Id, State.Label, State.Kind,
            SubmittedAt, DecidedAt, DueAt, Channel, CitizenName, Agent?.AccountId ?? "", Agent?.Name ?? "", Revision);
    }

    /// <summary>«DEM-95999-2026-000012» → 12.</summary>
    public static int Number(string reference) => int.Parse(reference[(reference.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public DemarcheDefinition Pick(long key)
    {
        var draw = Draw.Share(key, 11);
        var index = Array.FindIndex(_cumulative, c => draw < c);
        return _definitions[index >= 0 ? index : _definitions.Count - 1];
    }

    public static RequestChannel ChannelOf(long key) => Draw.Share(key, 12) switch
    {
        < 0.7 => RequestChannel.Online,
        < 0.8 => RequestChannel.Kiosk,
        _ => RequestChannel.Counter,
    };

    public static string CitizenNameOf(long key) =>
        $"{FirstNames[(int)(Draw.Share(key, 13) * FirstNames.Length)]} {LastNames[(int)(Draw.Share(key, 14) * LastNames.Length)]}";

    /// <summary><paramref name="count"/> requests filed over the <paramref name="months"/> months before <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<Planned> Plan(int count, int months, DateTimeOffset now)
    {
        var start = now.AddMonths(-months);
        var span = now - start;
        var planned = new List<Planned>(count);
        for (var i = 0; i < count; i++)
        {
            long key = i + 1;
            var submittedAt = start + span * ((i + Draw.Share(key, 15)) / count);
            var definition = Pick(key);
            var workflow = definition.Workflow;
            var agent = Draw.Share(key, 16) < 0.7 ? Agents[(int)(Draw.Share(key, 17) * Agents.Count)] : null;
            // A skewed processing time around the announced delay: most quick, a tail of slow ones.
            var days = Math.Max(1, definition.ProcessingDays) * (0.1 + 2.4 * Math.Pow(Draw.Share(key, 18), 2));
            var decidedAt = submittedAt + TimeSpan.FromDays(days);
            if (Draw.Share(key, 19) < 0.6 && decidedAt < now && Final(workflow, key) is { } final)
            {
                planned.Add(new Planned(submittedAt, definition, final, decidedAt, null, ChannelOf(key), CitizenNameOf(key), agent, 3));
                continue;
            }
            var state = Open(workflow, key);
            // In its state since a recent move (or its filing), so that only some deadlines have passed.
            var since = now - TimeSpan.FromDays(45 * Draw.Share(key, 20));
            if (since < submittedAt) since = submittedAt;
            planned.Add(new Planned(submittedAt, definition, state, null, WorkflowRules.DueAt(state, since), ChannelOf(key), CitizenNameOf(key),
                Draw.Share(key, 22) < 0.6 ? agent : null, since == submittedAt ? 1 : 2));
        }
        return planned;
    }

    /// <summary>Mostly accepted, some refused, a few withdrawn, as the workflow has them.</summary>
    private static WorkflowState? Final(Workflow workflow, long key)
    {
        var wanted = Draw.Share(key, 23) switch
        {
            < 0.85 => StateKind.Accepted,
            < 0.95 => StateKind.Refused,
            _ => StateKind.Closed,
        };
        var finals = workflow.States.Where(s => s.Kind.IsFinal()).ToList();
        var ofKind = finals.Where(s => s.Kind == wanted).ToList();
        var choices = ofKind.Count > 0 ? ofKind : finals;
        return choices.Count == 0 ? null : choices[(int)(Draw.Share(key, 24) * choices.Count)];
    }

    /// <summary>With the commune, or awaiting a complement for about one in six.</summary>
    private static WorkflowState Open(Workflow workflow, long key)
    {
        var open = workflow.States.Where(s => !s.Kind.IsFinal()).ToList();
        var awaiting = open.Where(s => s.Kind == StateKind.AwaitingCitizen).ToList();
        var withCommune = open.Where(s => s.Kind == StateKind.Open).ToList();
        var choices = Draw.Share(key, 25) < 0.15 && awaiting.Count > 0 ? awaiting : withCommune.Count > 0 ? withCommune : open;
        return choices.Count == 0 ? workflow.State(workflow.Initial)! : choices[(int)(Draw.Share(key, 26) * choices.Count)];
    }
}
