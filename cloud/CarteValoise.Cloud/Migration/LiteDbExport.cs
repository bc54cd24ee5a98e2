using CarteValoise.Grains;

namespace CarteValoise.Cloud.Migration;

/// <summary>What an export wrote.</summary>
internal sealed record ExportResult(long Records, IReadOnlyDictionary<string, long> States, long Cleared, BalanceTally Balances);

/// <summary>
/// Every grain state of a silo's LiteDB file into an export file, bytes unchanged. Each state is
/// also read as its CLR type on the way, so that an export that succeeds is one that imports.
/// </summary>
internal static class LiteDbExport
{
    public static async Task<ExportResult> RunAsync(MigrationHost host, string source, string target, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var snapshot = await LiteDbSnapshot.TakeAsync(source, Path.GetDirectoryName(target)!, cancellationToken);

        // The header comes first and holds the counts: a first pass over the keys gives them.
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var stored in snapshot.States())
        {
            if (stored.Storage != GrainKeys.StorageName)
                throw new MigrationFailure(MigrationExitCodes.Unexpected,
                    $"Le fichier « {source} » contient l'état « {stored.State} » du grain {stored.Grain} pour le stockage « {stored.Storage} », que CarteValoise n'a pas : rien n'a été exporté.");
            counts[stored.State] = counts.GetValueOrDefault(stored.State) + 1;
        }

        var header = new ExportHeader(ExportFormat.Name, ExportFormat.Version, time.GetUtcNow(), GrainKeys.StorageName,
            ExportFormat.OrleansBinary, counts.Values.Sum(), counts);
        var balances = new BalanceTally();
        var codecs = new Dictionary<Type, StateCodec>();
        using (var writer = ExportFileWriter.Create(target, header))
        {
            // No await inside: LiteDB binds the cursor's transaction to this thread.
            foreach (var stored in snapshot.States())
            {
                var grain = GrainIds.Parse(stored.Grain, MigrationExitCodes.Unexpected);
                var type = host.StateTypes.For(grain, stored.State);
                if (!codecs.TryGetValue(type, out var codec)) codecs[type] = codec = StateCodec.For(type, host.Serializer);
                object state;
                try
                {
                    state = codec.Deserialize(stored.Data);
                }
                catch (Exception e)
                {
                    throw new MigrationFailure(MigrationExitCodes.VerificationFailed,
                        $"L'état « {stored.State} » du grain {stored.Grain} ne se lit pas comme un {type.Name} ({e.Message}) : rien n'a été exporté.", e);
                }
                balances.Add(state);
                writer.Write(new ExportedState(stored.State, stored.Grain, StateTypes.Name(type), stored.Data));
            }
            writer.Complete();
        }
        return new ExportResult(header.Records, counts, snapshot.Cleared, balances);
    }
}
