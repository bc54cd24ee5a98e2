using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Contracts.Enrolment;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>A family as the agent's dossier page shows it: details, quotient familial, balance, and each child with school and card.</summary>
public sealed class DossierReader(IGrainFactory grains)
{
    public async Task<FamilyDossier> Read(FamilyProfile family)
    {
        var familyGrain = grains.GetGrain<IFamilyGrain>(family.FamilyId);
        var accountTask = familyGrain.GetAccount();
        var schoolsTask = grains.GetGrain<ICommuneGrain>(family.CommuneCode).GetSchools();
        var children = await Task.WhenAll((await familyGrain.GetChildIds()).Select(id => grains.GetGrain<IChildGrain>(id).GetProfile()));
        var schools = (await schoolsTask).ToDictionary(s => s.SchoolId, s => s.Name);

        var dossier = new FamilyDossier
        {
            FamilyId = family.FamilyId,
            Name = family.Name,
            CommuneInseeCode = family.CommuneCode,
            Address = family.Address,
            PostalCode = family.PostalCode,
            City = family.City,
            Phone = family.Phone,
            Email = family.Email,
            QuotientFamilial = family.QuotientFamilial ?? -1,
            QuotientFamilialJustifiedOn = EnrolmentWire.Day(family.QuotientFamilialJustifiedOn),
            LivesOutsideCommune = family.LivesOutsideCommune,
            FormerNumber = family.FormerNumber,
            BalanceCents = (await accountTask).BalanceCents,
        };
        dossier.Children.AddRange(children.OfType<ChildProfile>().Select(c => Child(c, schools)));
        return dossier;
    }

    private static EnrolledChild Child(ChildProfile child, IReadOnlyDictionary<string, string> schools)
    {
        var enrolled = new EnrolledChild
        {
            ChildId = child.ChildId,
            FirstName = child.FirstName,
            LastName = child.LastName,
            BirthDate = EnrolmentWire.Day(child.BirthDate),
            SchoolId = child.SchoolId,
            SchoolName = schools.GetValueOrDefault(child.SchoolId, child.SchoolId),
            Class = child.Class,
            AllergyPlan = child.AllergyPlan,
            PaiHomeMeal = child.PaiHomeMeal,
            CardUid = child.CardUid,
            CardState = EnrolmentWire.CardState(child),
        };
        var standing = child.StandingReservations ?? [];
        enrolled.CanteenDays.AddRange(standing.Where(s => s.Service == Domain.Canteen.SchoolService.Canteen).SelectMany(s => s.Days).Select(d => (int)d));
        enrolled.Standing.AddRange(standing.Select(s =>
        {
            var days = new StandingServiceDays { Service = s.Service.ToWire() };
            days.Days.AddRange(s.Days.Select(d => (int)d));
            return days;
        }));
        return enrolled;
    }
}
