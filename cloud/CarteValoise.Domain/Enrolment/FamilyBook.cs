namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// The families as the rows build them. A family is founded by its first row without error and
/// every later row of the same «N° famille» must agree with it: a value that differs is an error
/// on that row (which of the two is right only the agent knows), an empty value agrees, and a
/// value the family did not have yet completes it. A child already listed in the family (same
/// first name, same birth date) and a card already given to another child are errors too.
/// </summary>
internal sealed class FamilyBook(MessageLog log, bool hasQuotientColumn, bool hasQuotientDateColumn)
{
    private sealed class Family(int line, FamilyFields fields)
    {
        public int Line { get; } = line;
        public FamilyFields Fields { get; set; } = fields;
        public Dictionary<ImportColumn, int> Lines { get; } = [];
        public List<ImportedChild> Children { get; } = [];
        public List<int> RejectedLines { get; } = [];
    }

    private readonly Dictionary<string, Family> _families = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Family> _inOrder = [];
    private readonly Dictionary<string, List<int>> _rejectedBeforeFounded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string FamilyNumber, string FirstName, DateOnly Birth), int> _childInFamily = [];
    private readonly Dictionary<(string LastName, string FirstName, DateOnly Birth), (string FamilyNumber, int Line)> _childAnywhere = [];
    private readonly Dictionary<string, (string Child, int Line)> _cards = new(StringComparer.Ordinal);

    public int RowsAccepted { get; private set; }

    public int RowsRejected { get; private set; }

    public void Add(ImportRow row)
    {
        var number = row.Family.Number;
        _families.TryGetValue(number, out var family);
        if (family is not null) CheckAgrees(family, row);
        if (row.Child is { } child && row.Errors == 0) CheckChild(number, row, child);
        if (row.Errors > 0 || row.Child is null)
        {
            RowsRejected++;
            if (number.Length == 0) return;
            if (family is not null) family.RejectedLines.Add(row.Line);
            else AddTo(_rejectedBeforeFounded, number, row.Line);
            return;
        }
        if (family is null)
        {
            family = new Family(row.Line, row.Family);
            _families[number] = family;
            _inOrder.Add(family);
            if (_rejectedBeforeFounded.Remove(number, out var earlier)) family.RejectedLines.AddRange(earlier);
        }
        else Complete(family, row);
        RowsAccepted++;
        var accepted = row.Child;
        family.Children.Add(new ImportedChild(row.Line, accepted.LastName, accepted.FirstName, accepted.BirthDate, accepted.SchoolId,
            accepted.Class, accepted.Pai, accepted.CanteenDays, accepted.Card));
        _childInFamily[(number.ToUpperInvariant(), TextKey.Of(accepted.FirstName), accepted.BirthDate)] = row.Line;
        _childAnywhere.TryAdd((TextKey.Of(accepted.LastName), TextKey.Of(accepted.FirstName), accepted.BirthDate), (number, row.Line));
        if (accepted.Card is { } card) _cards[card.Value] = (accepted.FullName, row.Line);
    }

    private void CheckAgrees(Family family, ImportRow row)
    {
        var (known, said) = (family.Fields, row.Family);
        Compare(ImportColumn.FamilyName, known.Name, said.Name);
        Compare(ImportColumn.Address, known.Address, said.Address);
        Compare(ImportColumn.PostalCode, known.PostalCode, said.PostalCode);
        Compare(ImportColumn.City, known.City, said.City);
        Compare(ImportColumn.Phone, known.Phone, said.Phone);
        Compare(ImportColumn.Email, known.Email, said.Email);
        Compare(ImportColumn.QuotientFamilial, known.QuotientFamilial?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            said.QuotientFamilial?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Compare(ImportColumn.QuotientFamilialDate, known.QuotientFamilialDate is { } a ? ImportValues.Date(a) : "",
            said.QuotientFamilialDate is { } b ? ImportValues.Date(b) : "");

        void Compare(ImportColumn column, string knownValue, string saidValue)
        {
            if (knownValue.Length == 0 || saidValue.Length == 0 || string.Equals(knownValue, saidValue, StringComparison.OrdinalIgnoreCase)
                || TextKey.Of(knownValue) == TextKey.Of(saidValue)) return;
            var line = family.Lines.TryGetValue(column, out var at) ? at : family.Line;
            row.Error(column, $"la famille {row.Family.Number} a « {knownValue} » à la ligne {line} ; cette ligne dit « {saidValue} ». Une famille a les mêmes informations sur chaque ligne de ses enfants.");
        }
    }

    private void CheckChild(string number, ImportRow row, ChildFields child)
    {
        if (_childInFamily.TryGetValue((number.ToUpperInvariant(), TextKey.Of(child.FirstName), child.BirthDate), out var line))
            row.Error(null, $"{child.FullName}, né(e) le {ImportValues.Date(child.BirthDate)}, figure déjà à la ligne {line} dans la famille {number}.");
        else if (_childAnywhere.TryGetValue((TextKey.Of(child.LastName), TextKey.Of(child.FirstName), child.BirthDate), out var other)
                 && !string.Equals(other.FamilyNumber, number, StringComparison.OrdinalIgnoreCase))
            row.Warning(null, $"{child.FullName}, né(e) le {ImportValues.Date(child.BirthDate)}, figure aussi dans la famille {other.FamilyNumber} (ligne {other.Line}) : vérifiez qu'il ne s'agit pas d'une même famille sous deux numéros.");
        if (child.Card is { } card && _cards.TryGetValue(card.Value, out var holder))
            row.Error(ImportColumn.CardNumber, $"la carte {card.Value} est déjà celle de {holder.Child} (ligne {holder.Line}).");
    }

    /// <summary>A later row fills in what the first rows left empty.</summary>
    private static void Complete(Family family, ImportRow row)
    {
        var (known, said) = (family.Fields, row.Family);
        family.Fields = known with
        {
            Address = Pick(ImportColumn.Address, known.Address, said.Address),
            PostalCode = Pick(ImportColumn.PostalCode, known.PostalCode, said.PostalCode),
            City = Pick(ImportColumn.City, known.City, said.City),
            Phone = Pick(ImportColumn.Phone, known.Phone, said.Phone),
            Email = Pick(ImportColumn.Email, known.Email, said.Email),
            QuotientFamilial = known.QuotientFamilial ?? Note(ImportColumn.QuotientFamilial, said.QuotientFamilial),
            QuotientFamilialDate = known.QuotientFamilialDate ?? Note(ImportColumn.QuotientFamilialDate, said.QuotientFamilialDate),
        };

        string Pick(ImportColumn column, string knownValue, string saidValue) =>
            knownValue.Length > 0 ? knownValue : Note(column, saidValue.Length > 0 ? saidValue : null) ?? "";

        T? Note<T>(ImportColumn column, T? value)
        {
            if (value is not null) family.Lines[column] = row.Line;
            return value;
        }
    }

    private static void AddTo(Dictionary<string, List<int>> lists, string key, int line)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(line);
    }

    /// <summary>The families, in the order of the file, with what the whole file says about them.</summary>
    public IReadOnlyList<ImportedFamily> Close()
    {
        var families = new List<ImportedFamily>(_inOrder.Count);
        foreach (var family in _inOrder)
        {
            var f = family.Fields;
            if (hasQuotientColumn && f.QuotientFamilial is null)
                log.Warning(family.Line, null, $"pas de quotient familial pour la famille {f.Number} ({f.Name}) : elle paiera le plein tarif jusqu'à ce qu'il soit saisi.");
            else if (hasQuotientDateColumn && f.QuotientFamilial is { } qf && f.QuotientFamilialDate is null)
                log.Warning(family.Line, null, $"le quotient familial {ImportValues.Number(qf)} de la famille {f.Number} ({f.Name}) n'a pas de date de justificatif.");
            families.Add(new ImportedFamily(family.Line, f.Number, f.Name, f.Address, f.PostalCode, f.City, f.Phone, f.Email,
                f.QuotientFamilial, f.QuotientFamilialDate, family.Children, family.RejectedLines));
        }
        return families;
    }
}
