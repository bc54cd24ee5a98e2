using System.Threading.Channels;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Enrolment;
using CarteValoise.Grains.Communes;
using Grpc.Core;

namespace CarteValoise.Cloud.Services.Enrolment;

public sealed partial class EnrolmentService
{
    /// <summary>Families listed in the preview for the agent to check.</summary>
    public const int SampleFamilies = 20;

    public const string ImportNotFound = "Cet aperçu d'import n'existe plus (il est gardé une heure) : importez le fichier à nouveau.";
    public const string ImportHasErrors = "Le fichier contient des erreurs : corrigez-les dans le fichier puis importez-le à nouveau. Rien n'a été enregistré.";

    public override async Task PreviewFamilyImport(IAsyncStreamReader<ImportChunk> requestStream, IServerStreamWriter<ImportStatus> responseStream, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var cancellation = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellation))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "Aucun fichier reçu : choisissez le fichier CSV des familles."));
        var first = requestStream.Current;
        var commune = RequireCommune(caller, first.CommuneInseeCode);
        var schools = await grains.GetGrain<ICommuneGrain>(commune).GetSchools();
        SchoolDirectory directory;
        try
        {
            directory = new SchoolDirectory(schools.Select(s => (s.SchoolId, s.Name)));
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
        var options = new FamilyImportOptions(directory.Resolve, ServiceDay.Today(time));

        var preview = await FamilyFileUpload.ReadAsync(first, requestStream, options,
            update => responseStream.WriteAsync(new ImportStatus
            {
                Progress = new ImportProgressUpdate { RowsRead = update.RowsRead, BytesRead = update.BytesRead ?? 0, TotalBytes = update.TotalBytes ?? 0 },
            }, cancellation),
            cancellation);
        // Checked even when the file has other errors, so that the agent corrects everything in one pass.
        var cardsHeld = await ImportCards.HeldElsewhere(grains, commune, preview.Families, cancellation);
        var canImport = preview.CanImport && cardsHeld.Count == 0;
        var stored = imports.Keep(commune, caller.AccountId, canImport, preview.Families);
        logger.LogInformation("Import {ImportId} lu par {AccountId} pour {Commune} : {Rows} lignes, {Families} familles, {Errors} erreurs",
            stored.ImportId, caller.AccountId, commune, preview.Totals.Rows, preview.Totals.Families, preview.Totals.Errors + cardsHeld.Count);
        await responseStream.WriteAsync(new ImportStatus { Preview = Result(stored.ImportId, preview, cardsHeld, canImport) }, cancellation);
    }

    private static ImportPreviewResult Result(string importId, FamilyImportPreview preview, IReadOnlyList<ImportMessage> cardsHeld, bool canImport)
    {
        var totals = preview.Totals;
        var result = new ImportPreviewResult
        {
            ImportId = importId,
            Encoding = preview.EncodingName ?? "",
            Separator = preview.Separator.ToString(),
            Rows = totals.Rows,
            RowsAccepted = totals.RowsAccepted,
            RowsRejected = totals.RowsRejected,
            Families = totals.Families,
            Children = totals.Children,
            ChildrenWithoutCard = totals.ChildrenWithoutCard,
            ErrorCount = totals.Errors + cardsHeld.Count,
            WarningCount = totals.Warnings,
            CanImport = canImport,
        };
        result.Errors.AddRange(preview.Errors.Concat(cardsHeld).OrderBy(m => m.Line ?? 0).Select(m => m.Text));
        result.Warnings.AddRange(preview.Warnings.Select(m => m.Text));
        result.Sample.AddRange(preview.Families.Take(SampleFamilies).Select(f => new ImportedFamilyLine
        {
            Name = f.Name,
            FormerNumber = f.FormerNumber,
            Children = f.Children.Count,
            QuotientFamilial = f.QuotientFamilial ?? -1,
        }));
        return result;
    }

    public override async Task ApplyFamilyImport(ApplyFamilyImportRequest request, IServerStreamWriter<ImportStatus> responseStream, ServerCallContext context)
    {
        var caller = callers.Require(context);
        var cancellation = context.CancellationToken;
        var import = string.IsNullOrWhiteSpace(request.ImportId) ? null : imports.Find(request.ImportId);
        // Another commune's preview looks like an expired one.
        if (import is null || !AccessRules.CanReadCommune(caller, import.CommuneCode))
        {
            if (import is not null) logger.LogWarning("Import {ImportId} de {Commune} refusé à {AccountId}", import.ImportId, import.CommuneCode, caller.AccountId);
            throw new RpcException(new Status(StatusCode.NotFound, ImportNotFound));
        }
        if (!import.CanImport) throw new RpcException(new Status(StatusCode.FailedPrecondition, ImportHasErrors));

        // One application of a preview at a time: a second click waits for the first, then finds everything done.
        await import.Applying.WaitAsync(cancellation);
        Task<ImportApplied>? applying = null;
        try
        {
            // Cards may have been given since the preview: checked again before anything is written.
            var cardsHeld = await ImportCards.HeldElsewhere(grains, import.CommuneCode, import.Families, cancellation);
            if (cardsHeld.Count > 0)
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    string.Join("\n", cardsHeld.Take(20).Select(m => m.Text).Prepend("Des cartes du fichier ont été remises à d'autres enfants depuis l'aperçu. Rien n'a été enregistré."))));

            var total = import.Families.Count;
            // A bar needs about a hundred steps, not one message per family of a 20 000-family file.
            var step = Math.Max(1, total / 100);
            var progress = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
            await responseStream.WriteAsync(Progress(0, total), cancellation);
            applying = Task.Run(async () =>
            {
                try
                {
                    return await importWriter.Apply(import, done =>
                    {
                        if (done % step == 0 || done == total) progress.Writer.TryWrite(done);
                    }, cancellation);
                }
                finally
                {
                    progress.Writer.TryComplete();
                }
            }, cancellation);
            await foreach (var done in progress.Reader.ReadAllAsync(cancellation))
                await responseStream.WriteAsync(Progress(done, total), cancellation);

            ImportApplied applied;
            try
            {
                applied = await applying;
            }
            catch (Exception e) when (e is not RpcException and not OperationCanceledException)
            {
                logger.LogError(e, "Import {ImportId} interrompu", import.ImportId);
                var reason = e is ArgumentException or InvalidOperationException ? $" ({e.Message})" : "";
                throw new RpcException(new Status(StatusCode.Internal,
                    $"L'import s'est interrompu{reason}. Relancez-le : les familles et les enfants déjà enregistrés seront reconnus, rien ne sera créé deux fois."));
            }
            logger.LogInformation("Import {ImportId} appliqué par {AccountId} : {Created} familles créées, {Updated} mises à jour, {Children} enfants inscrits, {Cards} cartes",
                import.ImportId, caller.AccountId, applied.FamiliesCreated, applied.FamiliesUpdated, applied.ChildrenEnrolled, applied.CardsIssued);
            await responseStream.WriteAsync(new ImportStatus { Applied = applied }, cancellation);
        }
        finally
        {
            // A caller gone mid-way does not let a second application start beside the first.
            if (applying is not null) await applying.ContinueWith(_ => { }, TaskScheduler.Default);
            import.Applying.Release();
        }
    }

    private static ImportStatus Progress(int done, int total) =>
        new() { Progress = new ImportProgressUpdate { FamiliesDone = done, FamiliesTotal = total } };
}
