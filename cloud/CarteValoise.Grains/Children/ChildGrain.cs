using CarteValoise.Domain.Calendar;
using CarteValoise.Domain.Canteen;
using CarteValoise.Grains.Cards;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;
using CarteValoise.Grains.Schools;

namespace CarteValoise.Grains.Children;

[GenerateSerializer]
public sealed class ChildState
{
    [Id(0)] public ChildProfile? Profile { get; set; }
    [Id(1)] public List<ChildTapRecord> Taps { get; set; } = [];
    /// <summary>The single-day exceptions to the standing reservations: the last change of each (day, service).</summary>
    [Id(2)] public List<ReservationRecord> Reservations { get; set; } = [];
    /// <summary>Reservation operations applied, with their result, so that a resent request applies once.</summary>
    [Id(3)] public Dictionary<string, ReservationResult> AppliedOperations { get; set; } = [];
    /// <summary>The care sessions taken: one per (day, session), the first accepted check-in.</summary>
    [Id(4)] public List<CareSessionTaken> CareSessions { get; set; } = [];
}

/// <summary>A care session the child attended, and the check-in that counts (and is charged) for it.</summary>
[GenerateSerializer, Immutable]
public sealed record CareSessionTaken([property: Id(0)] DateOnly Day, [property: Id(1)] SchoolService Session, [property: Id(2)] string TapId);

/// <summary>
/// The child: enrolment (carried to the family, the card and the school's roster), reservations,
/// and the taps. Every write carries the whole state, taps kept in memory included.
/// </summary>
public sealed partial class ChildGrain(
    [PersistentState("child", GrainKeys.StorageName)] IPersistentState<ChildState> state,
    TimeProvider time) : Grain, IChildGrain
{
    private ChildProfile Enrolled => state.State.Profile
        ?? throw new InvalidOperationException($"L'enfant {this.GetPrimaryKeyString()} n'est pas inscrit.");

    public async Task Enrol(ChildProfile profile)
    {
        var enrolment = Checked(profile);
        var former = state.State.Profile;
        if (former is not null && former.FamilyId != enrolment.FamilyId)
            throw new ArgumentException($"{former.FirstName} est inscrit(e) dans une autre famille : un enfant ne change pas de famille, inscrivez-le dans la nouvelle.");

        // The card first: refused when another child holds it, and then nothing has changed.
        if (enrolment.CardStatus != CardStatus.None)
            await Card(enrolment.CardUid).Assign(HolderOf(enrolment));
        // What the former enrolment leaves behind is undone before the write: should the write fail,
        // the retry finds the former enrolment again and undoes it again, every step being idempotent.
        if (former is not null) await Leave(former, enrolment);
        if (!Same(former, enrolment))
        {
            state.State.Profile = enrolment;
            try
            {
                await Save();
            }
            catch
            {
                state.State.Profile = former;
                throw;
            }
        }
        await Join(enrolment);
    }

    public Task<ChildProfile?> GetProfile() => Task.FromResult(state.State.Profile);

    private async Task Leave(ChildProfile former, ChildProfile enrolment)
    {
        if (former.CardStatus != CardStatus.None && former.CardUid != enrolment.CardUid)
            await Card(former.CardUid).Retire(former.ChildId);
        if (former.SchoolId != enrolment.SchoolId)
            await GrainFactory.GetGrain<ISchoolGrain>(former.SchoolId).RemoveChild(former.ChildId);
    }

    /// <summary>Everything that follows the enrolment; done again at each enrolment, to repair a step a failure cut short.</summary>
    private async Task Join(ChildProfile enrolment)
    {
        var school = GrainFactory.GetGrain<ISchoolGrain>(enrolment.SchoolId);
        await GrainFactory.GetGrain<IFamilyGrain>(enrolment.FamilyId).AddChild(enrolment.ChildId);
        await GrainFactory.GetGrain<ICommuneGrain>(enrolment.CommuneCode).AddFamily(enrolment.FamilyId);
        await school.EnrolChild(RosterChildOf(enrolment));
        // A school the child joins learns the days already changed ahead.
        var today = ServiceDay.Today(time);
        var ahead = state.State.Reservations.Where(r => r.Day >= today).Select(r => new ReservationChange(r.Day, r.Service, r.Reserved)).ToList();
        if (ahead.Count > 0) await school.SetReservations(enrolment.ChildId, ahead);
    }

    private ChildProfile Checked(ChildProfile profile)
    {
        var key = this.GetPrimaryKeyString();
        if (profile.ChildId != key)
            throw new ArgumentException($"L'inscription de l'enfant {profile.ChildId} ne peut pas être enregistrée sous l'identifiant {key}.");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(profile.FamilyId)) missing.Add("la famille");
        if (string.IsNullOrWhiteSpace(profile.CommuneCode)) missing.Add("la commune");
        if (string.IsNullOrWhiteSpace(profile.SchoolId)) missing.Add("l'école");
        if (string.IsNullOrWhiteSpace(profile.FirstName)) missing.Add("le prénom");
        if (missing.Count > 0)
            throw new ArgumentException($"Inscription incomplète : indiquez {(missing.Count == 1 ? missing[0] : $"{string.Join(", ", missing[..^1])} et {missing[^1]}")}.");

        // No UID, no card, whatever the status says.
        if (profile.CardStatus == CardStatus.None || string.IsNullOrWhiteSpace(profile.CardUid))
            return profile with { CardUid = "", CardStatus = CardStatus.None };
        return profile with { CardUid = NormalisedCardUid(profile.CardUid) };
    }

    /// <summary>Same enrolment, standing days compared by content (records compare their lists by reference).</summary>
    private static bool Same(ChildProfile? a, ChildProfile b) =>
        a is not null
        && a with { StandingReservations = null } == b with { StandingReservations = null }
        && (a.StandingReservations ?? []).Count == (b.StandingReservations ?? []).Count
        && (a.StandingReservations ?? []).Zip(b.StandingReservations ?? [])
            .All(p => p.First.Service == p.Second.Service && p.First.Days.SequenceEqual(p.Second.Days));

    private static string NormalisedCardUid(string text) => Domain.Cards.CardUid.TryParse(text, out var uid)
        ? uid.Value.Value
        : throw new ArgumentException($"« {text.Trim()} » n'est pas un identifiant de carte valide (4, 7 ou 10 octets en hexadécimal).");

    private ICardGrain Card(string uid) => GrainFactory.GetGrain<ICardGrain>(uid);

    private static CardHolder HolderOf(ChildProfile p) =>
        new(p.ChildId, p.FamilyId, p.SchoolId, p.CommuneCode, Blocked: p.CardStatus == CardStatus.Lost);

    private static RosterChild RosterChildOf(ChildProfile p)
    {
        var standing = p.StandingReservations ?? [];
        var care = standing.Where(s => s.Service != SchoolService.Canteen).SelectMany(s => s.Days).Distinct().Order().ToList();
        return new RosterChild(p.ChildId, p.FirstName, p.CardUid, StandingDays(p, SchoolService.Canteen), p.AllergyPlan,
            Blocked: p.CardStatus == CardStatus.Lost, CareDays: care, p.LastName, p.Class, standing);
    }

    private static IReadOnlyList<DayOfWeek> StandingDays(ChildProfile p, SchoolService service) =>
        p.StandingReservations?.FirstOrDefault(s => s.Service == service)?.Days ?? [];

    private async Task Save()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }
}
