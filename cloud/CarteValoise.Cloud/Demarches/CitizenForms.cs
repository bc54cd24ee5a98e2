using CarteValoise.Cloud.Household;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Domain.Documents;
using CarteValoise.Grains.DocumentSafe;
using CarteValoise.Grains.Household;
using W = CarteValoise.Contracts.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// What a citizen's form draws on besides its definition: their household's children (for the child
/// fields), their safe's documents (for the document fields, an expired one listed but not usable),
/// and the household prefill a new form starts from.
/// </summary>
public sealed class CitizenForms(IGrainFactory grains, HouseholdDirectory directory, HouseholdPrefillReader prefill, TimeProvider time)
{
    public sealed record Belongings(IReadOnlyList<HouseholdChildRecord> Children, IReadOnlyList<StoredDocument> Documents, HouseholdRecord? Household);

    public async Task<Belongings> Of(Caller citizen)
    {
        var household = await directory.OfCitizen(citizen);
        return await Of(citizen.AccountId, household);
    }

    /// <summary>An account's children and documents (a counter request for a citizen who has an account).</summary>
    public async Task<Belongings> Of(string accountId, HouseholdRecord? household)
    {
        var children = household is null ? [] : await directory.Children(household);
        var documents = (await grains.GetGrain<IDocumentSafeGrain>(accountId).GetContents()).Documents;
        return new Belongings(children, documents, household);
    }

    /// <summary>What answers are checked against: today, the children, and the documents usable today (not expired).</summary>
    public AnswerContext Context(Belongings belongings, bool atCounter = false)
    {
        var today = ServiceDay.Today(time);
        return new AnswerContext(today,
            belongings.Children.ToDictionary(c => c.ChildId, c => c.FullName),
            belongings.Documents.Where(d => Usable(d, today)).ToDictionary(d => d.DocumentId, d => d.TypeCode),
            atCounter);
    }

    public static bool Usable(StoredDocument document, DateOnly today) =>
        DocumentStanding.On(document.ValidUntil, today).Status != DocumentStatus.Expired;

    public void Describe(W.Form form, Belongings belongings)
    {
        var today = ServiceDay.Today(time);
        form.Children.AddRange(belongings.Children.Select(c => new W.FormChild
        {
            ChildId = c.ChildId,
            Name = c.FullName,
            BirthDate = c.BirthDate is { } born ? ServiceDay.Format(born) : "",
        }));
        // The latest added first, as «Mes documents» lists them.
        form.Documents.AddRange(belongings.Documents.Reverse().Select(d => new W.FormDocument
        {
            DocumentId = d.DocumentId,
            TypeCode = d.TypeCode,
            TypeLabel = DemarcheWire.DocumentTypeLabel(d.TypeCode),
            FileName = d.FileName,
            Standing = DocumentStanding.On(d.ValidUntil, today).Text,
            Usable = Usable(d, today),
        }));
    }

    /// <summary>
    /// A new form's answers: each field naming a prefill key takes its value; an address field takes
    /// the household's address on its three lines (street, postal code, city).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> Prefilled(Caller citizen, DemarcheDefinition definition)
    {
        var known = (await prefill.ReadAsync(citizen)).Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in definition.Pages.SelectMany(p => p.Fields))
        {
            if (string.IsNullOrWhiteSpace(field.Prefill)) continue;
            var key = field.Prefill.Trim();
            if (known.TryGetValue(key, out var value)) answers[field.Id] = value;
            else if (field.Kind == FieldKind.Address
                && known.TryGetValue("adresse.voie", out var street)
                && known.TryGetValue("adresse.code-postal", out var postalCode)
                && known.TryGetValue("adresse.ville", out var city))
                answers[field.Id] = AnswerValues.JoinLines([street, postalCode, city]);
        }
        return answers;
    }
}
