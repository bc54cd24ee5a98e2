using System.IO.Pipelines;
using System.Threading.Channels;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Enrolment;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// Reads a families file as its chunks arrive: the chunks feed a pipe that the Domain's import
/// reads row by row on a thread of its own, so a 20 MB file is never held whole in memory, and
/// the Domain's progress reports are handed back as they come, for the agent's progress bar.
/// </summary>
internal static class FamilyFileUpload
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly string TooLarge = "Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers plus petits et importez-les l'un après l'autre.";

    public static async Task<FamilyImportPreview> ReadAsync(ImportChunk first, IAsyncStreamReader<ImportChunk> rest, FamilyImportOptions options,
        Func<ImportProgress, Task> onProgress, CancellationToken cancellation)
    {
        if (first.TotalBytes > MaxBytes) throw new RpcException(new Status(StatusCode.InvalidArgument, TooLarge));
        // An upload cannot tell its length: the first chunk says it, for the progress bar.
        if (first.TotalBytes > 0) options = options with { TotalBytes = first.TotalBytes };
        // The Domain reads synchronously: the pipe holds at most a megabyte ahead of it.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        // Only the latest figures matter to a progress bar: a slow client drops the older ones.
        var updates = Channel.CreateBounded<ImportProgress>(new BoundedChannelOptions(16)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                return FamiliesCsvImport.Preview(pipe.Reader.AsStream(), options, new Reports(updates.Writer), stop.Token);
            }
            finally
            {
                pipe.Reader.Complete();
                updates.Writer.TryComplete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var feeding = Feed(first, rest, pipe.Writer, stop.Token);

        try
        {
            await foreach (var update in updates.Reader.ReadAllAsync(cancellation)) await onProgress(update);
            await feeding;
            return await reading;
        }
        catch
        {
            // Whatever failed, neither side is left waiting for the other.
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await Task.WhenAll(feeding, reading).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Writes every chunk into the pipe, counting the bytes against the limit. When the Domain has
    /// stopped reading (a file whose first line is not a header), the rest is read and dropped, so
    /// the client can finish sending.
    /// </summary>
    private static async Task Feed(ImportChunk first, IAsyncStreamReader<ImportChunk> rest, PipeWriter writer, CancellationToken cancellation)
    {
        long received = 0;
        var readerDone = false;
        try
        {
            var chunk = first;
            while (true)
            {
                received += chunk.Data.Length;
                if (received > MaxBytes) throw new RpcException(new Status(StatusCode.InvalidArgument, TooLarge));
                if (!readerDone && chunk.Data.Length > 0)
                {
                    var flushed = await writer.WriteAsync(chunk.Data.Memory, cancellation);
                    readerDone = flushed.IsCompleted;
                }
                if (!await rest.MoveNext(cancellation)) break;
                chunk = rest.Current;
            }
            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e);
            throw;
        }
    }

    private sealed class Reports(ChannelWriter<ImportProgress> updates) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => updates.TryWrite(value);
    }
}
