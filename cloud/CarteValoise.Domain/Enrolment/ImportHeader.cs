namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// The first line of the file: which column is where, under the name the file gives it (the
/// name the agent sees in the spreadsheet, so messages use it).
/// </summary>
internal sealed class ImportHeader
{
    private readonly Dictionary<ImportColumn, (int Index, string Name)> _columns;

    private ImportHeader(Dictionary<ImportColumn, (int Index, string Name)> columns, int width)
    {
        _columns = columns;
        Width = width;
    }

    /// <summary>How many values a row has under a named column (the trailing empty header cells of a spreadsheet do not count).</summary>
    public int Width { get; }

    public bool Has(ImportColumn column) => _columns.ContainsKey(column);

    public int? IndexOf(ImportColumn column) => _columns.TryGetValue(column, out var at) ? at.Index : null;

    public string NameOf(ImportColumn column) => _columns.TryGetValue(column, out var at) ? at.Name : ImportColumns.Info(column).Name;

    /// <summary>The first line of the file's separators: the one it has most of, «;» when in doubt.</summary>
    public static char SeparatorOf(string firstLine)
    {
        var best = ';';
        var most = firstLine.Count(c => c == ';');
        foreach (var candidate in (ReadOnlySpan<char>)[',', '\t'])
        {
            var count = firstLine.Count(c => c == candidate);
            if (count > most) (best, most) = (candidate, count);
        }
        return best;
    }

    /// <summary>The header, or null after logging why the file cannot be read with it.</summary>
    public static ImportHeader? Read(IReadOnlyList<string> cells, char separator, MessageLog log)
    {
        var columns = new Dictionary<ImportColumn, (int Index, string Name)>();
        var width = 0;
        var problems = false;
        for (var i = 0; i < cells.Count; i++)
        {
            var name = TextKey.Tidy(cells[i]);
            if (name.Length == 0) continue;
            width = i + 1;
            if (ImportColumns.Named(name) is not { } column)
            {
                log.Warning(1, null, $"la colonne « {name} » n'est pas reconnue : elle est ignorée.");
                continue;
            }
            if (columns.TryGetValue(column, out var first))
            {
                log.Error(1, null, $"les colonnes « {first.Name} » et « {name} » donnent toutes deux {Describe(column)} : gardez-en une seule.");
                problems = true;
                continue;
            }
            columns[column] = (i, name);
        }
        var missing = ImportColumns.All.Where(c => c.Required && !columns.ContainsKey(c.Column)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            var read = cells.Select(TextKey.Tidy).Where(n => n.Length > 0).ToList();
            log.Error(1, null,
                (missing.Count == 1 ? $"il manque la colonne obligatoire {Quoted(missing)}. " : $"il manque les colonnes obligatoires {Quoted(missing)}. ")
                + $"La première ligne du fichier doit nommer les colonnes, séparées par des {SeparatorName(separator)} ; "
                + (read.Count == 0 ? "elle est vide." : $"elle nomme {Quoted(read)}."));
            problems = true;
        }
        return problems ? null : new ImportHeader(columns, width);
    }

    /// <summary>«« A »», «« A » et « B »», «« A », « B » et « C »».</summary>
    public static string Quoted(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => $"« {names[0]} »",
        _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"« {n} »")) + $" et « {names[^1]} »",
    };

    private static string SeparatorName(char separator) => separator switch
    {
        ',' => "virgules",
        '\t' => "tabulations",
        _ => "points-virgules",
    };

    private static string Describe(ImportColumn column) => $"la valeur « {ImportColumns.Info(column).Name} »";
}
