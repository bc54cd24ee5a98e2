using System.Collections.Concurrent;
using Orleans.Storage;

namespace CarteValoise.Cloud.Migration;

/// <summary>What an import wrote and read back.</summary>
internal sealed record ImportResult(
    long Records,
    IReadOnlyDictionary<string, long> States,
    long Replaced,
    BalanceTally FileBalances,
    BalanceTally StoredBalances,
    long RowsHeld,
    long Reencoded,
    IReadOnlyList<string> Mismatches);

/// <summary>
/// An export file into the PostgreSQL grain storage, through the grain storage "carte" itself, so
/// that every row is the one the silo would have written; then every state read back as a grain
/// activating would read it, and compared byte for byte with the file.
/// </summary>
internal sealed class PostgresImport(MigrationHost host, ExportFileReader file, PostgresTarget target)
{
    // Each write is one round trip to PostgreSQL: a few in flight keep the server busy without crowding its pool.
    private const int InFlight = 16;
    private const int MismatchesShown = 10;

    private readonly ConcurrentDictionary<Type, StateCodec> _codecs = new();

    /// <summary>
    /// Reads the whole file before anything is written: every grain id parses, every type is the one
    /// the grain declares, every state deserializes, no two states share a row of Orleans' table.
    /// </summary>
    public BalanceTally Check()
    {
        var balances = new BalanceTally();
        // Orleans' table keys a string-keyed grain's state by state name and key, not grain type.
        var rows = new Dictionary<(string State, string Key), string>();
        foreach (var record in file.Records())
        {
            var grain = GrainIds.Parse(record.Grain, MigrationExitCodes.CorruptFile);
            var (type, codec) = CodecFor(grain, record.State);
            if (StateTypes.Name(type) != record.Type)
                throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                    $"L'état « {record.State} » du grain {record.Grain} est un {record.Type} dans le fichier, mais ce grain garde un {StateTypes.Name(type)} : " +
                    "le fichier vient d'une autre version de CarteValoise. Rien n'a été écrit.");
            if (!rows.TryAdd((record.State, grain.Key.ToString()!), record.Grain))
                throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                    $"Les grains {rows[(record.State, grain.Key.ToString()!)]} et {record.Grain} auraient le même état « {record.State} » dans PostgreSQL. Rien n'a été écrit.");
            try
            {
                balances.Add(codec.Deserialize(record.Data));
            }
            catch (Exception e)
            {
                throw new MigrationFailure(MigrationExitCodes.CorruptFile,
                    $"L'état « {record.State} » du grain {record.Grain} ne se lit pas comme un {type.Name} ({e.Message}). Rien n'a été écrit.", e);
            }
        }
        return balances;
    }

    public async Task<ImportResult> RunAsync(bool replace, CancellationToken cancellationToken)
    {
        var fileBalances = Check();
        await PostgresTarget.EnsureSchemaAsync(host.Configuration, cancellationToken);
        var existing = await target.CountStatesAsync(cancellationToken);
        if (existing > 0 && !replace)
            throw new MigrationFailure(MigrationExitCodes.TargetNotEmpty,
                $"PostgreSQL ({target.Describe()}) contient déjà {existing} état(s) de grain : rien n'a été écrit. " +
                "Relancez avec --replace pour les remplacer tous par ceux du fichier. / " +
                $"The target already holds {existing} grain state(s): nothing was written. Use --replace to replace them all.");
        var replaced = existing > 0 ? await target.DeleteStatesAsync(cancellationToken) : 0;

        var storage = await host.OpenStorageAsync(cancellationToken);
        await WriteAsync(storage, cancellationToken);

        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var storedBalances = new BalanceTally();
        var mismatches = new ConcurrentQueue<string>();
        long reencoded = 0;
        await Parallel.ForEachAsync(file.Records(), Options(cancellationToken), async (record, _) =>
        {
            var grain = GrainIds.Parse(record.Grain, MigrationExitCodes.CorruptFile);
            var (_, codec) = CodecFor(grain, record.State);
            var state = await codec.ReadAsync(storage, record.State, grain);
            if (state is null)
            {
                mismatches.Enqueue($"{record.State} {record.Grain} : absent de PostgreSQL");
                return;
            }
            // Compared in the form a silo writes: Orleans records the runtime type of a field declared as an
            // interface (IReadOnlyList<T> given a collection expression…), and a state read back holds
            // another type than the one first written, so its bytes differ while its values are equal.
            // The file's state, read and written once, is exactly what the import wrote.
            var expected = codec.Serialize(codec.Deserialize(record.Data));
            if (!codec.Serialize(state).AsSpan().SequenceEqual(expected))
                mismatches.Enqueue($"{record.State} {record.Grain} : relu différent du fichier");
            if (!expected.AsSpan().SequenceEqual(record.Data)) Interlocked.Increment(ref reencoded);
            counts.AddOrUpdate(record.State, 1, (_, n) => n + 1);
            storedBalances.Add(state);
        });

        var held = await target.CountStatesAsync(cancellationToken);
        return new ImportResult(counts.Values.Sum(), new SortedDictionary<string, long>(counts, StringComparer.Ordinal), replaced,
            fileBalances, storedBalances, held, reencoded, [.. mismatches.Take(MismatchesShown)]);
    }

    private async Task WriteAsync(IGrainStorage storage, CancellationToken cancellationToken)
    {
        long written = 0;
        try
        {
            await Parallel.ForEachAsync(file.Records(), Options(cancellationToken), async (record, _) =>
            {
                var grain = GrainIds.Parse(record.Grain, MigrationExitCodes.CorruptFile);
                var (_, codec) = CodecFor(grain, record.State);
                await codec.WriteNewAsync(storage, record.State, grain, codec.Deserialize(record.Data));
                Interlocked.Increment(ref written);
            });
        }
        catch (Exception e) when (e is not MigrationFailure)
        {
            throw new MigrationFailure(MigrationExitCodes.Unexpected,
                $"L'import s'est arrêté après avoir écrit {Interlocked.Read(ref written)} état(s) sur {file.Header.Records} ({e.Message}) : " +
                "corrigez la cause puis relancez-le avec --replace. / The import stopped part way: fix the cause and run it again with --replace.", e);
        }
    }

    private (Type Type, StateCodec Codec) CodecFor(GrainId grain, string stateName)
    {
        var type = host.StateTypes.For(grain, stateName);
        return (type, _codecs.GetOrAdd(type, static (t, serializer) => StateCodec.For(t, serializer), host.Serializer));
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken };
}
