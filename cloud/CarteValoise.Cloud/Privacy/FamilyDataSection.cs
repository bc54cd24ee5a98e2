using System.Globalization;
using System.Text.Json.Nodes;
using CarteValoise.Domain.Access;
using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Privacy;

/// <summary>
/// «famille»: the household as its commune enrolled it (details, quotient familial and the date of
/// its justification), each child with their enrolment and card, reservations, card taps, meals and
/// care taken, every movement of the balance, and every invoice with its lines and payments.
/// </summary>
public sealed class FamilyDataSection(IGrainFactory grains, TimeProvider time) : IDescribedPersonalDataSection
{
    public string Name => "famille";

    public string Title => "Ma famille à la cantine et au périscolaire";

    public string Description =>
        "Votre famille telle que votre commune l'a inscrite pour la cantine et le périscolaire (coordonnées, quotient familial et date de son justificatif), vos enfants, "
        + "leurs inscriptions et leurs cartes, les réservations, les passages de carte, les repas et accueils pris, "
        + "les mouvements du solde et les factures avec leurs paiements.";

    public async Task<PersonalDataPart> CollectAsync(Caller citizen, CancellationToken cancellationToken)
    {
        var family = citizen.FamilyId is { } id ? await grains.GetGrain<IFamilyGrain>(id).GetProfile() : null;
        if (family is null) return new PersonalDataPart(Empty(), []);

        var familyGrain = grains.GetGrain<IFamilyGrain>(family.FamilyId);
        var accountTask = familyGrain.GetAccount();
        var invoicesTask = familyGrain.GetInvoices();
        var communeTask = grains.GetGrain<ICommuneGrain>(family.CommuneCode).GetProfile();
        var children = (await Task.WhenAll((await familyGrain.GetChildIds()).Select(c => grains.GetGrain<IChildGrain>(c).GetProfile())))
            .OfType<ChildProfile>().ToList();
        var schools = new SchoolNames(grains);
        var childData = new ChildData(grains, schools, ServiceDay.Today(time));
        var perChild = await Task.WhenAll(children.Select(childData.ReadAsync));
        var account = await accountTask;

        var data = new JsonObject
        {
            ["famille"] = new JsonObject
            {
                ["numéro"] = family.FamilyId,
                ["nom"] = family.Name,
                ["commune"] = (await communeTask)?.Name ?? family.CommuneCode,
                ["codeInseeDeLaCommune"] = family.CommuneCode,
                ["adresse"] = family.Address,
                ["codePostal"] = family.PostalCode,
                ["ville"] = family.City,
                ["téléphone"] = family.Phone,
                ["courriel"] = family.Email,
                ["habiteHorsDeLaCommune"] = family.LivesOutsideCommune,
                ["numéroDansLAncienLogiciel"] = family.FormerNumber,
                ["quotientFamilial"] = family.QuotientFamilial,
                ["quotientFamilialJustifiéLe"] = family.QuotientFamilialJustifiedOn is { } on ? ArchiveJson.Day(on) : null,
                ["modeDeFacturation"] = account.BillingMode == BillingMode.MonthlyInvoice ? "facture mensuelle" : "solde prépayé",
                ["soldeEnEuros"] = ArchiveJson.Euros(account.BalanceCents),
            },
            ["enfants"] = Array(perChild.Select(c => c.Child)),
            ["cartes"] = Array(perChild.SelectMany(c => c.Cards)),
            ["réservations"] = Array(perChild.SelectMany(c => c.Reservations)),
            ["passagesDeCarte"] = Array(perChild.SelectMany(c => c.Taps)),
            ["repasEtAccueilsPris"] = Array(perChild.SelectMany(c => c.Taken)),
            ["mouvementsDuSolde"] = Array(account.Movements.OrderBy(m => m.At).Select(m => new JsonObject
            {
                ["le"] = ArchiveJson.Instant(m.At),
                ["libellé"] = m.Label,
                ["montantEnEuros"] = ArchiveJson.Euros(m.AmountCents),
            })),
            ["factures"] = Array((await invoicesTask).OrderBy(i => i.MonthStart).ThenBy(i => i.Number, StringComparer.Ordinal).Select(Invoice)),
        };
        return new PersonalDataPart(data, []);
    }

    /// <summary>An account without a household yet: the same keys, nothing in them.</summary>
    private static JsonObject Empty() => new()
    {
        ["famille"] = null,
        ["enfants"] = new JsonArray(),
        ["cartes"] = new JsonArray(),
        ["réservations"] = new JsonArray(),
        ["passagesDeCarte"] = new JsonArray(),
        ["repasEtAccueilsPris"] = new JsonArray(),
        ["mouvementsDuSolde"] = new JsonArray(),
        ["factures"] = new JsonArray(),
    };

    private static JsonObject Invoice(IssuedInvoice invoice) => new()
    {
        ["numéro"] = invoice.Number,
        ["mois"] = invoice.MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ["émiseLe"] = ArchiveJson.Instant(invoice.IssuedAt),
        ["totalEnEuros"] = ArchiveJson.Euros(invoice.TotalCents),
        ["payéEnEuros"] = ArchiveJson.Euros(invoice.PaidCents),
        ["payée"] = invoice.IsPaid,
        ["lignes"] = Array(invoice.Lines.Select(l => new JsonObject
        {
            ["date"] = ArchiveJson.Day(l.Date),
            ["enfant"] = l.ChildName,
            ["service"] = l.Service.Label(),
            ["description"] = l.Description,
            ["prixUnitaireEnEuros"] = ArchiveJson.Euros(l.UnitPriceCents),
            ["quantité"] = l.Quantity,
        })),
        ["paiements"] = Array(invoice.Payments.Select(p => new JsonObject
        {
            ["le"] = ArchiveJson.Instant(p.At),
            ["montantEnEuros"] = ArchiveJson.Euros(p.AmountCents),
            ["moyen"] = p.Means,
        })),
    };

    private static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);
}
