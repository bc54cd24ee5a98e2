using System.Globalization;
using CarteValoise.Cloud.Cluster;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// <c>CarteValoise.Cloud export --to &lt;file&gt;</c>: every grain state of the silo's LiteDB file
/// (DataDirectory, Storage:LiteDb:Path, as the silo reads them) into one portable file (see
/// <see cref="ExportFormat"/>). The silo must be stopped: a file it holds is refused.
/// Prints <c>EXPORTED records=&lt;n&gt; file=&lt;path&gt;</c>, a <c>COUNT state=&lt;name&gt; records=&lt;n&gt;</c>
/// line per state name, and <c>BALANCES families=&lt;n&gt; cents=&lt;sum of the balances&gt;</c>; then the
/// documents' encrypted contents beside it (<see cref="DocumentContentsFile"/>), <c>DOCUMENTS exported=&lt;n&gt; file=&lt;path&gt;</c>.
/// </summary>
public static class ExportCommand
{
    public const string Name = "export";

    public static Task<int> RunAsync(string[] args) => CommandLine.RunAsync(Name, async () =>
    {
        var line = CommandLine.Parse(args, Name, ["--to"], []);
        var to = line.Value("--to")
            ?? throw new MigrationFailure(MigrationExitCodes.Usage, "export : précisez le fichier à écrire : CarteValoise.Cloud export --to <fichier>.");
        var target = Path.GetFullPath(to);
        if (File.Exists(target))
            throw new MigrationFailure(MigrationExitCodes.TargetNotEmpty,
                $"Le fichier « {target} » existe déjà : un export ne remplace jamais un fichier, choisissez un autre nom.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        await using var host = MigrationHost.Build(line.ConfigurationArgs);
        if (PostgresSettings.IsSelected(host.Configuration))
            throw new MigrationFailure(MigrationExitCodes.Usage,
                "export lit le fichier LiteDB du silo (Storage:Kind=LiteDb) ; ici Storage:Kind vaut Postgres.");
        var result = await LiteDbExport.RunAsync(host, host.LiteDbPath(), target, TimeProvider.System, CancellationToken.None);
        (long Count, string Path)? documents;
        try
        {
            documents = await DocumentContentsMove.ExportAsync(host.Configuration, target, Console.Error, CancellationToken.None);
        }
        catch
        {
            // Without its documents an export would import as if the safe were empty: none is left.
            File.Delete(target);
            throw;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EXPORTED records={result.Records} file={target}"));
        foreach (var (state, count) in result.States)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COUNT state={state} records={count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BALANCES families={result.Balances.Families} cents={result.Balances.Cents}"));
        if (documents is { } moved)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DOCUMENTS exported={moved.Count} file={moved.Path}"));
        if (result.Cleared > 0)
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Cleared} état(s) effacé(s) par leur grain ne sont pas exportés : un grain sans état lit le même état vide des deux côtés."));
        return MigrationExitCodes.Done;
    });
}
