namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// Reads the families file a commune exports from the software it used before (one row per child,
/// the family's details repeated on each of its children's rows) into a preview: what would be
/// enrolled, and every problem in French with its line and column. Nothing is written and bad
/// data never throws; only a stream that cannot be read does. The file is read as a stream, one
/// row at a time, so a file of 20 000 children is never held whole in memory.
/// </summary>
public static class FamiliesCsvImport
{
    /// <summary>A file as uploaded: UTF-8 with or without BOM, Windows-1252, or UTF-16 with BOM.</summary>
    public static FamilyImportPreview Preview(Stream file, FamilyImportOptions options, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var total = options.TotalBytes ?? (file.CanSeek ? file.Length - file.Position : null);
        var text = new ExportedTextReader(file);
        var preview = Read(text, options, () => text.BytesRead, total, progress, cancellation);
        var log = new List<ImportMessage>(preview.Warnings);
        if (text.MixesEncodings)
        {
            log.Insert(0, new ImportMessage(null, null,
                "le fichier mêle deux encodages (UTF-8 et Windows-1252) : vérifiez les accents des noms dans l'aperçu."));
            preview = preview with { Warnings = log, Totals = preview.Totals with { Warnings = preview.Totals.Warnings + 1 } };
        }
        return preview with { EncodingName = text.EncodingName };
    }

    /// <summary>Text already decoded (the encoding is then the caller's business, and the progress has no byte count).</summary>
    public static FamilyImportPreview Preview(TextReader text, FamilyImportOptions options, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellation = default) =>
        Read(text, options, () => null, null, progress, cancellation);

    private static FamilyImportPreview Read(TextReader text, FamilyImportOptions options, Func<long?> bytesRead, long? totalBytes,
        IProgress<ImportProgress>? progress, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var log = new MessageLog(options.MaxMessages);
        var reader = new CsvRecordReader(text);
        var rows = 0;
        void Report() => progress?.Report(new ImportProgress(rows, bytesRead(), totalBytes));

        var firstLine = reader.ReadFirstLine();
        if (string.IsNullOrWhiteSpace(firstLine))
        {
            log.Error(null, null, "le fichier est vide : il doit commencer par une ligne qui nomme les colonnes.");
            return Result(';', [], log, new FamilyBook(log, false, false), rows);
        }
        if (firstLine.Any(c => char.IsControl(c) && c != '\t'))
        {
            log.Error(null, null, "ce fichier n'est pas un fichier CSV (un classeur Excel ?) : enregistrez-le au format « CSV (séparateur : point-virgule) » puis importez-le à nouveau.");
            return Result(';', [], log, new FamilyBook(log, false, false), rows);
        }
        var separator = ImportHeader.SeparatorOf(firstLine);
        var header = ImportHeader.Read(CsvRecordReader.Split(firstLine, separator), separator, log);
        if (header is null) return Result(separator, [], log, new FamilyBook(log, false, false), rows);
        reader.Separator = separator;
        WarnAboutMissingOptionalColumns(header, log);

        var book = new FamilyBook(log, header.Has(ImportColumn.QuotientFamilial), header.Has(ImportColumn.QuotientFamilialDate));
        Report();
        while (reader.Read() is { } record)
        {
            cancellation.ThrowIfCancellationRequested();
            if (ImportRow.IsBlank(record)) continue;
            rows++;
            book.Add(ImportRow.Read(record, header, separator, options, log));
            if (rows % options.ProgressEvery == 0) Report();
        }
        if (reader.Break is { } broken) log.Error(broken.Line, null, broken.Problem);
        if (rows == 0 && reader.Break is null) log.Error(null, null, "le fichier ne contient que la ligne des colonnes : aucune famille à importer.");
        Report();
        return Result(separator, book.Close(), log, book, rows);
    }

    private static void WarnAboutMissingOptionalColumns(ImportHeader header, MessageLog log)
    {
        if (!header.Has(ImportColumn.QuotientFamilial))
            log.Warning(null, null, "le fichier n'a pas de colonne « Quotient familial » : les familles paieront le plein tarif jusqu'à ce que leur quotient soit saisi.");
        if (!header.Has(ImportColumn.CardNumber))
            log.Warning(null, null, "le fichier n'a pas de colonne « Numéro de carte » : les cartes seront remises depuis la fiche de chaque enfant.");
    }

    private static FamilyImportPreview Result(char separator, IReadOnlyList<ImportedFamily> families, MessageLog log, FamilyBook book, int rows)
    {
        var children = families.Sum(f => f.Children.Count);
        var withoutCard = families.Sum(f => f.Children.Count(c => c.Card is null));
        var totals = new ImportTotals(rows, book.RowsAccepted, book.RowsRejected, families.Count, children, withoutCard, log.ErrorCount, log.WarningCount);
        return new FamilyImportPreview(null, separator, families, log.Errors, log.Warnings, totals);
    }
}
