using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Mail;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.PersonalData;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Privacy;
using CarteValoise.Grains.Identity;
using CarteValoise.Grains.Privacy;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using WireAccessLogLine = CarteValoise.Contracts.PersonalData.AccessLogLine;
using WireAccountClosure = CarteValoise.Contracts.PersonalData.AccountClosure;
using WireRetentionPeriod = CarteValoise.Contracts.PersonalData.RetentionPeriod;

namespace CarteValoise.Cloud.Privacy;

/// <summary>«Mes données»: what is held, the archive, the access log, the retention periods and the closure of the account.</summary>
public sealed class PersonalDataService(
    IGrainFactory grains,
    CallerResolver callers,
    PersonalDataCollector collector,
    AccessLogReader accessLog,
    IMailSender mail,
    PortalLinks links,
    TimeProvider time,
    ILogger<PersonalDataService> logger) : PersonalData.PersonalDataBase
{
    /// <summary>Small enough for any gRPC message limit, large enough that an archive of documents is a few hundred messages.</summary>
    public const int ChunkBytes = 64 * 1024;

    public override async Task<MyDataSummary> GetMyDataSummary(GetMyDataSummaryRequest request, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        var summary = new MyDataSummary();
        foreach (var section in await collector.CollectAsync(citizen, context.CancellationToken))
        {
            var wire = new DataSection { Name = section.FileName, Title = section.Title, Description = section.Description, FileCount = section.Files.Count };
            wire.Counts.AddRange(section.Counts().Select(c => new DataCount { Label = c.Label, Count = c.Count }));
            summary.Sections.Add(wire);
        }
        return summary;
    }

    public override async Task DownloadMyData(DownloadMyDataRequest request, IServerStreamWriter<MyDataChunk> responseStream, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        var now = time.GetUtcNow();
        var sections = await collector.CollectAsync(citizen, context.CancellationToken);
        var archive = MyDataArchive.Build(sections, citizen.DisplayName, now);
        logger.LogInformation("Archive « Mes données » préparée pour le compte {AccountId} : {Bytes} octets, {Sections} sections",
            citizen.AccountId, archive.Length, sections.Count);
        for (var offset = 0; offset == 0 || offset < archive.Length; offset += ChunkBytes)
        {
            var chunk = new MyDataChunk { Content = ByteString.CopyFrom(archive, offset, Math.Min(ChunkBytes, archive.Length - offset)) };
            if (offset == 0)
            {
                chunk.FileName = MyDataArchive.FileName(now);
                chunk.TotalBytes = archive.Length;
            }
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }

    public override async Task<AccessLogReply> GetAccessLog(GetAccessLogRequest request, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        var reply = new AccessLogReply();
        reply.Entries.AddRange((await accessLog.ReadAsync(citizen)).Select(line => new WireAccessLogLine
        {
            At = Timestamp.FromDateTimeOffset(line.At),
            AgentName = line.AgentName,
            CommuneNames = string.Join(", ", line.Communes),
            What = line.What,
            Why = line.Why,
            Allowed = line.Allowed,
            Log = line.Log,
        }));
        return reply;
    }

    public override Task<RetentionPeriods> GetRetentionPeriods(GetRetentionPeriodsRequest request, ServerCallContext context)
    {
        var reply = new RetentionPeriods { ClosureRule = AccountClosureRules.Rule };
        reply.Periods.AddRange(RetentionPolicy.Periods.Select(p => new WireRetentionPeriod
        {
            Kind = p.Kind,
            Data = p.Data,
            Period = p.Period,
            LegalBasis = p.LegalBasis,
            KeptAfterClosure = p.KeptAfterClosure,
        }));
        return Task.FromResult(reply);
    }

    public override async Task<WireAccountClosure> RequestAccountClosure(RequestAccountClosureRequest request, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        var grain = grains.GetGrain<IAccountClosureGrain>(citizen.AccountId);
        await grain.Request(OperationId(request.OperationId));
        // Sent until it has gone once, from the state as it is now (an operation resent answers as it
        // did the first time): a retry after a failure between the write and the mail sends it then.
        var current = await grain.Get();
        if (current is { CancelledAt: null, AcknowledgedAt: null } pending
            && pending.ToDomain().StatusAt(time.GetUtcNow()) == AccountClosureStatus.Pending)
            await AcknowledgeAsync(citizen, pending, context.CancellationToken);
        return Wire(current);
    }

    public override async Task<WireAccountClosure> CancelAccountClosure(CancelAccountClosureRequest request, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        var change = await grains.GetGrain<IAccountClosureGrain>(citizen.AccountId).Cancel(OperationId(request.OperationId));
        if (change.Refusal is { } refusal) throw new RpcException(new Status(StatusCode.FailedPrecondition, refusal));
        return Wire(change.Closure);
    }

    public override async Task<WireAccountClosure> GetAccountClosure(GetAccountClosureRequest request, ServerCallContext context)
    {
        var citizen = CitizenOnly.Require(callers, context);
        return Wire(await grains.GetGrain<IAccountClosureGrain>(citizen.AccountId).Get());
    }

    private async Task AcknowledgeAsync(Caller citizen, AccountClosureRecord pending, CancellationToken cancellationToken)
    {
        var account = await grains.GetGrain<IAccountGrain>(citizen.AccountId).Get();
        if (account is null || string.IsNullOrWhiteSpace(account.Email))
        {
            logger.LogWarning("Demande de clôture du compte {AccountId} : aucune adresse où l'accuser", citizen.AccountId);
            return;
        }
        try
        {
            await mail.SendAsync(ClosureMail.For(account.Email, account.DisplayName, pending.ToDomain(), links.To("MesDonnees#cloture")), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request stands; asking again (which changes nothing else) sends the mail then.
            logger.LogWarning(e, "Demande de clôture du compte {AccountId} : le courriel d'accusé de réception n'est pas parti", citizen.AccountId);
            return;
        }
        await grains.GetGrain<IAccountClosureGrain>(citizen.AccountId).MarkAcknowledged(pending.RequestedAt);
    }

    private WireAccountClosure Wire(AccountClosureRecord? record)
    {
        var now = time.GetUtcNow();
        var closure = record?.ToDomain();
        var wire = new WireAccountClosure
        {
            State = AccountClosureRules.StatusAt(closure, now) switch
            {
                AccountClosureStatus.Pending => AccountClosureState.Pending,
                AccountClosureStatus.Cancelled => AccountClosureState.Cancelled,
                AccountClosureStatus.Effective => AccountClosureState.Effective,
                _ => AccountClosureState.None,
            },
            Message = AccountClosureRules.Describe(closure, now),
        };
        if (closure is not null)
        {
            wire.RequestedAt = Timestamp.FromDateTimeOffset(closure.RequestedAt);
            wire.EffectiveAt = Timestamp.FromDateTimeOffset(closure.EffectiveAt);
            if (closure.CancelledAt is { } cancelled) wire.CancelledAt = Timestamp.FromDateTimeOffset(cancelled);
        }
        wire.KeptAfterClosure.AddRange(RetentionPolicy.KeptAfterClosure);
        return wire;
    }

    private static string OperationId(string text) => string.IsNullOrWhiteSpace(text)
        ? throw WireErrors.InvalidArgument("Identifiant d'opération manquant : rechargez la page et recommencez.")
        : text.Trim();
}
