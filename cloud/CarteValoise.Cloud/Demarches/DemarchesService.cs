using System.Globalization;
using CarteValoise.Cloud.Household;
using CarteValoise.Cloud.Identity;
using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Demarches;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Demarches;
using CarteValoise.Grains.Demarches;
using Grpc.Core;
using DemarchesBase = CarteValoise.Contracts.Demarches.Demarches.DemarchesBase;
using FormPage = CarteValoise.Domain.Demarches.FormPage;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The citizen's démarches over gRPC: the catalogue, the form over several pages with a draft saved
/// page after page, the submission, and the follow-up of their own requests. A parent session does
/// everything; a kiosk session reads the catalogue and the forms and files, in one go, a démarche
/// needing no pièce justificative (<c>FileAtKiosk</c>); an agent reads them for the counter.
/// </summary>
public sealed partial class DemarchesService(
    IGrainFactory grains,
    CallerResolver callers,
    HouseholdDirectory directory,
    DemarcheDefinitions definitions,
    CitizenForms forms,
    RequestDetails details,
    RequestFiling filing,
    RequestFiles files,
    DemarcheMails mails,
    FrozenDocumentContents documentContents,
    Services.AccessLog accessLog,
    TimeProvider time,
    ILogger<DemarchesService> logger) : DemarchesBase
{
    private static readonly StringComparer French = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false);

    public override async Task<Catalogue> ListCatalogue(ListCatalogueRequest request, ServerCallContext context)
    {
        var caller = RequireReader(context);
        var communes = await directory.CommuneNames();
        var commune = await CommuneFor(caller, request.CommuneInseeCode, communes);
        var catalogue = new Catalogue { CommuneInseeCode = commune, CommuneName = communes.GetValueOrDefault(commune, commune) };
        catalogue.Communes.AddRange(communes.OrderBy(c => c.Value, French).Select(c => new CatalogueCommune { InseeCode = c.Key, Name = c.Value }));
        foreach (var entry in (await definitions.Catalogue(commune)).Where(e => e.Enabled).OrderBy(e => e.Category, French).ThenBy(e => e.Title, French))
        {
            if (await definitions.Get(commune, entry.DemarcheId, entry.CurrentVersion) is not { } definition) continue;
            var line = new Contracts.Demarches.CatalogueEntry
            {
                DemarcheId = entry.DemarcheId,
                Title = definition.Title,
                Summary = definition.Summary,
                Category = definition.Category,
                Version = definition.Version,
                ProcessingDays = definition.ProcessingDays,
            };
            line.RequiredDocuments.AddRange(definition.RequiredDocuments().Select(f => DemarcheWire.DocumentTypeLabel(f.DocumentType)).Distinct());
            catalogue.Entries.Add(line);
        }
        return catalogue;
    }

    public override async Task<Form> GetForm(GetFormRequest request, ServerCallContext context)
    {
        var caller = RequireReader(context);
        if (request.DraftId.Trim().Length > 0)
        {
            var draft = await Draft(RequireCitizen(context), request.DraftId);
            return await FormOf(caller, await PinnedDefinition(draft), draft.CommuneCode, draft);
        }
        var communes = await directory.CommuneNames();
        var commune = await CommuneFor(caller, request.CommuneInseeCode, communes);
        return await FormOf(caller, await Offered(caller, commune, request.DemarcheId), commune, draft: null);
    }

    public override async Task<DraftSaved> SaveDraftPage(SaveDraftPageRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        DraftRecord? draft = null;
        DemarcheDefinition definition;
        string commune;
        if (request.DraftId.Trim().Length > 0)
        {
            draft = await Draft(caller, request.DraftId);
            definition = await PinnedDefinition(draft);
            commune = draft.CommuneCode;
        }
        else
        {
            commune = await CommuneFor(caller, request.CommuneInseeCode, await directory.CommuneNames());
            definition = await Offered(caller, commune, request.DemarcheId);
        }
        var pageId = request.PageId.Trim();
        var page = definition.Pages.FirstOrDefault(p => p.Id == pageId)
            ?? throw DemarcheWireErrors.Invalid($"page:{pageId}", "Cette page n'est pas dans le formulaire de la démarche : rechargez le formulaire.");

        // The page's own answers replace what the draft held for its fields; other pages' stay as they were.
        var merged = (draft?.Answers ?? new Dictionary<string, string>()).Where(a => !OnPage(page, a.Key))
            .Concat(request.Answers.Where(a => OnPage(page, a.Key)))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var belongings = await forms.Of(caller);
        var problems = AnswerChecks.CheckPage(definition, page.Id, merged, forms.Context(belongings));
        if (problems.Count > 0) throw DemarcheWireErrors.Invalid(problems);

        var kept = AnswerChecks.Kept(definition, merged);
        var shown = FormConditions.ShownPages(definition, kept);
        var completed = (draft?.CompletedPages ?? []).Append(page.Id).ToHashSet(StringComparer.Ordinal);
        var saved = await Mine(caller).SaveDraft(new DraftRecord(
            draft?.DraftId ?? Guid.NewGuid().ToString("N"), commune, definition.Id, definition.Version, definition.Title, kept,
            [.. shown.Where(p => completed.Contains(p.Id)).Select(p => p.Id)], time.GetUtcNow(), shown.Count));
        var index = definition.Pages.ToList().FindIndex(p => p.Id == page.Id);
        var next = definition.Pages.Skip(index + 1).FirstOrDefault(p => shown.Any(s => s.Id == p.Id));
        return new DraftSaved
        {
            DraftId = saved.DraftId,
            NextPageId = next?.Id ?? "",
            Form = await FormOf(caller, definition, commune, saved, belongings),
        };
    }

    public override async Task<DeleteDraftReply> DeleteDraft(DeleteDraftRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        await Mine(caller).RemoveDraft(request.DraftId.Trim());
        return new DeleteDraftReply();
    }

    public override async Task<MyDemarches> ListMyDemarches(ListMyDemarchesRequest request, ServerCallContext context)
    {
        var caller = RequireCitizen(context);
        var communes = await directory.CommuneNames();
        var mine = new MyDemarches();
        mine.Drafts.AddRange((await Mine(caller).Drafts()).OrderByDescending(d => d.UpdatedAt).Select(d => new DraftLine
        {
            DraftId = d.DraftId,
            CommuneInseeCode = d.CommuneCode,
            CommuneName = communes.GetValueOrDefault(d.CommuneCode, d.CommuneCode),
            DemarcheId = d.DemarcheId,
            Title = d.Title,
            UpdatedAt = DemarcheWire.Time(d.UpdatedAt),
            CompletedPages = d.CompletedPages.Count,
            PageCount = d.PageCount,
        }));
        var now = time.GetUtcNow();
        var lines = await Task.WhenAll((await Mine(caller).Requests()).Select(async line =>
        {
            var view = await grains.GetGrain<IDemarcheRequestGrain>(line.Reference).Get();
            if (view is null) return null;
            var definition = await definitions.Of(view.Submission);
            return DemarcheWire.Line(view, definition, communes.GetValueOrDefault(line.CommuneCode, line.CommuneCode), now);
        }));
        mine.Requests.AddRange(lines.OfType<RequestLine>().OrderByDescending(l => l.SubmittedAt.ToDateTimeOffset()));
        return mine;
    }

    private async Task<Form> FormOf(Caller caller, DemarcheDefinition definition, string commune, DraftRecord? draft, CitizenForms.Belongings? belongings = null)
    {
        var form = new Form
        {
            CommuneInseeCode = commune,
            CommuneName = (await directory.CommuneNames()).GetValueOrDefault(commune, commune),
            Definition = DemarcheWire.Form(definition, ServiceDay.Today(time)),
            DraftId = draft?.DraftId ?? "",
        };
        if (draft is not null)
        {
            foreach (var (key, value) in draft.Answers) form.Answers[key] = value;
            form.CompletedPages.AddRange(draft.CompletedPages);
        }
        // Only a citizen in their own account has a household and a safe to fill the form from.
        if (caller.Role != CallerRole.Parent) return form;
        // A new form starts from the household; a draft's pages not saved yet too (a saved page keeps
        // what the citizen gave, even a field they emptied).
        foreach (var (key, value) in await forms.Prefilled(caller, definition))
            if (draft is null || !draft.CompletedPages.Any(pageId => definition.Pages.FirstOrDefault(p => p.Id == pageId) is { } page && OnPage(page, key)))
                form.Answers.TryAdd(key, value);
        forms.Describe(form, belongings ?? await forms.Of(caller));
        return form;
    }

    /// <summary>A key of one of the page's fields: «nom», or a group item's «personnes[1].prenom».</summary>
    private static bool OnPage(FormPage page, string key) =>
        page.Fields.Any(f => key == f.Id || (f.Kind == Domain.Demarches.FieldKind.Group && key.StartsWith(f.Id + "[", StringComparison.Ordinal)));

    /// <summary>A démarche the commune offers now, in its current version (agents: any démarche of their commune, for the counter).</summary>
    private async Task<DemarcheDefinition> Offered(Caller caller, string commune, string demarcheId)
    {
        var id = demarcheId.Trim();
        var entry = (await definitions.Catalogue(commune)).FirstOrDefault(e => e.DemarcheId == id);
        var agent = AccessRules.CanReadCommune(caller, commune);
        if (entry is null || (!entry.Enabled && !agent))
            throw DemarcheWireErrors.Invalid("demarche", "Cette démarche n'est pas proposée par la commune : choisissez-en une dans le catalogue.");
        return await definitions.Get(commune, id, entry.CurrentVersion)
            ?? throw DemarcheWireErrors.Invalid("demarche", "Cette démarche n'est pas proposée par la commune : choisissez-en une dans le catalogue.");
    }

    /// <summary>A draft keeps the version it was started on: editing the démarche meanwhile does not change it.</summary>
    private async Task<DemarcheDefinition> PinnedDefinition(DraftRecord draft) =>
        await definitions.Get(draft.CommuneCode, draft.DemarcheId, draft.Version)
        ?? throw DemarcheWireErrors.Refused("La démarche de ce brouillon n'existe plus : supprimez le brouillon et recommencez.");

    private async Task<DraftRecord> Draft(Caller caller, string draftId) =>
        await Mine(caller).GetDraft(draftId.Trim())
        ?? throw DemarcheWireErrors.Refused("Ce brouillon n'existe plus : il a été déposé ou supprimé. Retrouvez vos démarches dans « Mes démarches ».");

    private ICitizenDemarchesGrain Mine(Caller caller) => grains.GetGrain<ICitizenDemarchesGrain>(caller.AccountId);

    /// <summary>The commune asked, or the citizen's household's (a kiosk's, an agent's own), or the first of the département.</summary>
    private async Task<string> CommuneFor(Caller caller, string asked, IReadOnlyDictionary<string, string> communes)
    {
        var code = asked.Trim();
        if (code.Length > 0)
            return communes.ContainsKey(code) ? code : throw DemarcheWireErrors.Invalid("commune", "Choisissez une commune du département dans la liste.");
        if (caller.Role == CallerRole.Parent && await directory.OfCitizen(caller) is { } household && communes.ContainsKey(household.CommuneCode))
            return household.CommuneCode;
        if (caller.Role != CallerRole.Parent && caller.CommuneCodes.FirstOrDefault(communes.ContainsKey) is { } own) return own;
        return communes.OrderBy(c => c.Value, French).Select(c => c.Key).FirstOrDefault()
            ?? throw DemarcheWireErrors.Refused("Aucune commune n'est encore inscrite sur la plateforme.");
    }

    /// <summary>Filing, drafts and the follow-up are the citizen's own, in their account.</summary>
    private Caller RequireCitizen(ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role == CallerRole.Parent) return caller;
        logger.LogWarning("Accès refusé : {AccountId} ({Role}) a demandé une démarche de citoyen", caller.AccountId, caller.Role);
        throw WireErrors.PermissionDenied(caller.Role == CallerRole.KioskFamily
            ? "À la borne, les brouillons et le suivi des demandes ne sont pas disponibles : connectez-vous à votre compte CarteValoise sur le portail, ou adressez-vous au guichet de la mairie."
            : "Les démarches se déposent et se suivent depuis un compte de citoyen.");
    }

    /// <summary>The catalogue and the forms: a citizen, a kiosk, or an agent (for the counter).</summary>
    private Caller RequireReader(ServerCallContext context)
    {
        var caller = callers.Require(context);
        if (caller.Role is CallerRole.Parent or CallerRole.KioskFamily or CallerRole.Agent) return caller;
        throw WireErrors.PermissionDenied("Les démarches se consultent depuis un compte de citoyen, une borne ou un compte d'agent.");
    }
}
