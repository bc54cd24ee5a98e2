using System.Collections.Concurrent;
using System.Security.Cryptography;
using CarteValoise.Contracts.Enrolment;
using Google.Protobuf;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;

namespace CarteValoise.Portal.Imports;

/// <summary>
/// The families imports running in this portal, each in the background so that a file of several
/// megabytes never holds a page request: the file goes to the cloud in chunks, the cloud's progress
/// and preview are kept here for the job page to show. In memory only, bounded, each job reachable
/// only from the session that started it; a job is forgotten an hour after its last change (the
/// cloud keeps a preview for an hour too).
/// </summary>
public sealed class FamilyImports(IServiceProvider services, TimeProvider time, ILogger<FamilyImports> logger) : IDisposable
{
    /// <summary>The largest file an agent may send.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The file and the form around it (the commune, the anti-forgery token, the multipart boundaries).</summary>
    public const long MaxUploadRequestBytes = MaxFileBytes + 64 * 1024;

    public const int MaxJobs = 100;
    public const int MaxRunningPerSession = 2;
    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private const int ChunkBytes = 64 * 1024;

    private readonly ConcurrentDictionary<string, FamilyImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly object _admission = new();

    /// <summary>The job, if it exists and belongs to this session.</summary>
    public FamilyImportJob? Find(string jobId, string sessionToken) =>
        _jobs.TryGetValue(jobId, out var job) && job.IsOwnedBy(sessionToken) ? job : null;

    /// <summary>
    /// Starts reading the file into a preview; the job owns the file from now on and closes it (a
    /// temporary file opened to delete itself on close). Null and a French reason when refused.
    /// </summary>
    public FamilyImportJob? StartPreview(string sessionToken, string commune, string fileName, Stream file, out string? refusal)
    {
        FamilyImportJob job;
        lock (_admission)
        {
            refusal = Admit(sessionToken);
            if (refusal is not null)
            {
                file.Dispose();
                return null;
            }
            job = new FamilyImportJob(NewId(), sessionToken, commune, fileName, file.Length, time.GetUtcNow());
            _jobs[job.Id] = job;
        }
        logger.LogInformation("Import {JobId} : aperçu de {FileName} ({Bytes} octets) pour la commune {Commune}.", job.Id, fileName, file.Length, commune);
        InBackground(() => PreviewAsync(job, sessionToken, file));
        return job;
    }

    /// <summary>Starts enrolling what the preview described; a French reason when it cannot.</summary>
    public string? StartApply(FamilyImportJob job, string sessionToken)
    {
        if (!job.TryStartApplying(time.GetUtcNow()))
            return job.Snapshot.Stage is ImportStage.Applying or ImportStage.Applied
                ? null
                : "Cet aperçu ne peut pas être importé : corrigez le fichier, puis envoyez-le à nouveau.";
        logger.LogInformation("Import {JobId} : inscription des familles de la commune {Commune}.", job.Id, job.Commune);
        InBackground(() => ApplyAsync(job, sessionToken));
        return null;
    }

    public void Dispose()
    {
        foreach (var job in _jobs.Values)
        {
            job.Stopping.Cancel();
            job.Stopping.Dispose();
        }
        _jobs.Clear();
    }

    private string? Admit(string sessionToken)
    {
        var now = time.GetUtcNow();
        foreach (var (id, old) in _jobs)
        {
            var snapshot = old.Snapshot;
            if (!snapshot.IsRunning && now - snapshot.ChangedAt > Kept && _jobs.TryRemove(id, out _)) old.Stopping.Dispose();
        }
        var owner = FamilyImportJob.OwnerOf(sessionToken);
        if (_jobs.Values.Count(j => j.Owner == owner && j.Snapshot.IsRunning) >= MaxRunningPerSession)
            return $"Vous avez déjà {MaxRunningPerSession} imports en cours : attendez que l'un d'eux se termine.";
        if (_jobs.Count >= MaxJobs)
            return "Trop d'imports sont en cours sur le portail : réessayez dans quelques minutes.";
        return null;
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>
    /// Runs the job outside the request: without the request's context, so that the gRPC clients'
    /// credentials do not pick up a request that is ending; the job sends its own token.
    /// </summary>
    private static void InBackground(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(work);
        }
    }

    private async Task PreviewAsync(FamilyImportJob job, string sessionToken, Stream file)
    {
        var stopping = job.Stopping.Token;
        try
        {
            await using (file)
            {
                var enrolment = services.GetRequiredService<Enrolment.EnrolmentClient>();
                using var call = enrolment.PreviewFamilyImport(Bearer(sessionToken), cancellationToken: stopping);
                var reading = ReadAsync(job, call.ResponseStream, stopping);
                Exception? sending = null;
                try
                {
                    var buffer = new byte[ChunkBytes];
                    var first = true;
                    int read;
                    while ((read = await file.ReadAsync(buffer, stopping)) > 0)
                    {
                        var chunk = new ImportChunk { Data = ByteString.CopyFrom(buffer, 0, read) };
                        if (first)
                        {
                            chunk.CommuneInseeCode = job.Commune;
                            chunk.TotalBytes = file.Length;
                            chunk.FileName = job.FileName;
                            first = false;
                        }
                        await call.RequestStream.WriteAsync(chunk, stopping);
                    }
                    await call.RequestStream.CompleteAsync();
                }
                catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
                {
                    // A cloud that refuses ends the call while the file is still being sent: its status, read below, says why.
                    sending = e;
                }
                await reading;
                if (sending is not null) throw sending;
            }
            if (job.Snapshot.Stage == ImportStage.Reading)
                job.Fail(["Le service n'a pas renvoyé d'aperçu du fichier : envoyez-le à nouveau."], time.GetUtcNow());
        }
        catch (Exception e)
        {
            Failed(job, e);
        }
    }

    private async Task ApplyAsync(FamilyImportJob job, string sessionToken)
    {
        var stopping = job.Stopping.Token;
        try
        {
            var enrolment = services.GetRequiredService<Enrolment.EnrolmentClient>();
            var importId = job.Snapshot.Preview?.ImportId ?? "";
            using var call = enrolment.ApplyFamilyImport(new ApplyFamilyImportRequest { ImportId = importId }, Bearer(sessionToken), cancellationToken: stopping);
            await ReadAsync(job, call.ResponseStream, stopping);
            if (job.Snapshot.Stage == ImportStage.Applying)
                job.Fail(["Le service n'a pas confirmé l'inscription des familles : consultez la liste des familles avant de recommencer."], time.GetUtcNow());
        }
        catch (Exception e)
        {
            Failed(job, e);
        }
    }

    private async Task ReadAsync(FamilyImportJob job, IAsyncStreamReader<ImportStatus> statuses, CancellationToken stopping)
    {
        while (await statuses.MoveNext(stopping))
        {
            var status = statuses.Current;
            var now = time.GetUtcNow();
            switch (status.StatusCase)
            {
                case ImportStatus.StatusOneofCase.Progress:
                    job.Progress(status.Progress, now);
                    break;
                case ImportStatus.StatusOneofCase.Preview:
                    job.Change(s => s with { Stage = ImportStage.Previewed, Preview = status.Preview, BytesRead = s.TotalBytes, RowsRead = status.Preview.Rows }, now);
                    logger.LogInformation("Import {JobId} : aperçu prêt, {Rows} lignes, {Errors} erreurs.", job.Id, status.Preview.Rows, status.Preview.ErrorCount);
                    break;
                case ImportStatus.StatusOneofCase.Applied:
                    job.Change(s => s with { Stage = ImportStage.Applied, Applied = status.Applied, FamiliesDone = s.FamiliesTotal }, now);
                    logger.LogInformation("Import {JobId} : {Created} familles créées, {Updated} mises à jour, {Children} enfants inscrits.",
                        job.Id, status.Applied.FamiliesCreated, status.Applied.FamiliesUpdated, status.Applied.ChildrenEnrolled);
                    break;
            }
        }
    }

    private void Failed(FamilyImportJob job, Exception failure)
    {
        IReadOnlyList<string> reasons = failure switch
        {
            RpcException { StatusCode: GrpcStatus.PermissionDenied } =>
                [$"Vous ne pouvez pas importer de familles dans la commune {job.Commune} : elle ne vous est pas confiée."],
            RpcException { StatusCode: GrpcStatus.Unauthenticated } =>
                ["Votre session a expiré : reconnectez-vous, puis envoyez le fichier à nouveau."],
            RpcException { StatusCode: GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.NotFound or GrpcStatus.ResourceExhausted } refusal
                when refusal.Status.Detail.Trim().Length > 0 =>
                [.. refusal.Status.Detail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            RpcException { StatusCode: GrpcStatus.Unavailable or GrpcStatus.DeadlineExceeded } =>
                ["Le service est momentanément indisponible : envoyez le fichier à nouveau dans un instant."],
            OperationCanceledException or RpcException { StatusCode: GrpcStatus.Cancelled } =>
                ["L'import a été interrompu par l'arrêt du portail : envoyez le fichier à nouveau."],
            _ when job.Snapshot.Preview is not null =>
                ["L'inscription des familles s'est interrompue : relancez-la ; les familles et les enfants déjà inscrits seront reconnus, rien ne sera créé deux fois."],
            _ => ["L'import n'a pas pu aboutir : envoyez le fichier à nouveau dans un instant."],
        };
        if (failure is RpcException { StatusCode: GrpcStatus.InvalidArgument or GrpcStatus.FailedPrecondition or GrpcStatus.PermissionDenied or GrpcStatus.NotFound })
            logger.LogInformation("Import {JobId} refusé par le service : {Detail}", job.Id, failure.Message);
        else
            logger.LogWarning(failure, "Import {JobId} interrompu.", job.Id);
        try
        {
            job.Fail(reasons, time.GetUtcNow());
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static Metadata Bearer(string sessionToken) => new() { { "authorization", $"Bearer {sessionToken}" } };
}
