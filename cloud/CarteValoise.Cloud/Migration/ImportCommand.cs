using System.Globalization;
using CarteValoise.Cloud.Cluster;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// <c>CarteValoise.Cloud import --from &lt;file&gt; [--replace]</c>, with <c>Storage:Kind=Postgres</c> and
/// <c>Storage:Postgres:ConnectionString</c>: checks the export file (SHA-256, counts, types), refuses
/// a database whose schema is not this build's or that already holds grain states for
/// <c>Orleans:ServiceId</c> (unless <c>--replace</c>, which removes them first), writes every state
/// through the grain storage "carte", reads each back and compares it with the file.
/// Prints <c>REPLACED records=&lt;n&gt;</c> (with --replace), <c>IMPORTED records=&lt;n&gt;</c>, a
/// <c>COUNT state=&lt;name&gt; records=&lt;n&gt;</c> line per state name, and
/// <c>BALANCES families=&lt;n&gt; file_cents=&lt;sum&gt; postgres_cents=&lt;sum&gt;</c>; exits 0 only when
/// every state read back equals the file and both sums are equal. The documents' encrypted contents
/// exported beside the file (<see cref="DocumentContentsFile"/>) go to <c>carte_document_content</c>,
/// checked before any state is written and read back after: <c>DOCUMENTS imported=&lt;n&gt;</c>.
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public static Task<int> RunAsync(string[] args) => CommandLine.RunAsync(Name, async () =>
    {
        var line = CommandLine.Parse(args, Name, ["--from"], ["--replace"]);
        var from = line.Value("--from")
            ?? throw new MigrationFailure(MigrationExitCodes.Usage, "import : précisez le fichier d'export à lire : CarteValoise.Cloud import --from <fichier> [--replace].");

        await using var host = MigrationHost.Build(line.ConfigurationArgs);
        if (!PostgresSettings.IsSelected(host.Configuration))
            throw new MigrationFailure(MigrationExitCodes.Usage,
                "import écrit dans PostgreSQL : donnez Storage:Kind=Postgres et Storage:Postgres:ConnectionString.");
        var settings = PostgresSettings.From(host.Configuration);
        var target = new PostgresTarget(settings, host.ServiceId);
        var file = ExportFileReader.Open(Path.GetFullPath(from));
        await PostgresTarget.EnsureSchemaAsync(host.Configuration, CancellationToken.None);
        var documents = await DocumentContentsMove.PrepareImportAsync(settings, Path.GetFullPath(from), line.Has("--replace"), CancellationToken.None);
        var result = await new PostgresImport(host, file, target).RunAsync(line.Has("--replace"), CancellationToken.None);
        var documentsImported = documents is null ? (long?)null : await documents(CancellationToken.None);

        if (line.Has("--replace")) Console.WriteLine(Invariant($"REPLACED records={result.Replaced}"));
        Console.WriteLine(Invariant($"IMPORTED records={result.Records}"));
        foreach (var (state, count) in result.States) Console.WriteLine(Invariant($"COUNT state={state} records={count}"));
        Console.WriteLine(Invariant(
            $"BALANCES families={result.StoredBalances.Families} file_cents={result.FileBalances.Cents} postgres_cents={result.StoredBalances.Cents}"));
        if (documentsImported is { } imported) Console.WriteLine(Invariant($"DOCUMENTS imported={imported}"));

        if (result.Reencoded > 0)
            await Console.Error.WriteLineAsync(Invariant(
                $"{result.Reencoded} état(s) ré-encodé(s) par Orleans en les écrivant : mêmes valeurs, octets différents (listes déclarées par interface). / {result.Reencoded} state(s) re-encoded by Orleans: same values, other bytes."));

        var problems = new List<string>();
        if (result.Mismatches.Count > 0) problems.Add($"des états relus ne sont pas ceux du fichier : {string.Join(" ; ", result.Mismatches)}");
        if (result.Records != file.Header.Records) problems.Add(Invariant($"{result.Records} état(s) relu(s) pour {file.Header.Records} dans le fichier"));
        foreach (var (state, expected) in file.Header.States)
            if (result.States.GetValueOrDefault(state) != expected)
                problems.Add(Invariant($"« {state} » : {result.States.GetValueOrDefault(state)} relu(s) pour {expected} dans le fichier"));
        if (result.RowsHeld != file.Header.Records) problems.Add(Invariant($"PostgreSQL tient {result.RowsHeld} état(s) pour {file.Header.Records} dans le fichier"));
        if (result.FileBalances.Cents != result.StoredBalances.Cents || result.FileBalances.Families != result.StoredBalances.Families)
            problems.Add(Invariant(
                $"les soldes diffèrent : {result.FileBalances.Families} familles et {result.FileBalances.Cents} centimes dans le fichier, {result.StoredBalances.Families} et {result.StoredBalances.Cents} dans PostgreSQL"));
        if (problems.Count == 0) return MigrationExitCodes.Done;

        await Console.Error.WriteLineAsync($"L'import n'est pas vérifié / The import did not verify: {string.Join(" ; ", problems)}.");
        return MigrationExitCodes.VerificationFailed;
    });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
