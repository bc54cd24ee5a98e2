using CarteValoise.Cloud.Services.Mapping;
using CarteValoise.Domain.Household;
using CarteValoise.Grains.DocumentSafe;
using CarteValoise.Grains.Household;
using Google.Protobuf.WellKnownTypes;
using Wire = CarteValoise.Contracts.Households;

namespace CarteValoise.Cloud.Household;

/// <summary>
/// The household's records as the contract carries them, and back. The contract's enums number their
/// values as the Domain's do, so a value crosses as its number; an unknown number is Unspecified.
/// </summary>
public static class HouseholdWire
{
    public static Wire.HouseholdAdult Adult(HouseholdAdultRecord adult, string callerAccountId) => new()
    {
        AdultId = adult.AdultId,
        FirstName = adult.FirstName,
        LastName = adult.LastName,
        BirthDate = adult.BirthDate is { } day ? WireDates.Format(day) : "",
        Relationship = (Wire.HouseholdRelationship)(int)adult.Relationship,
        RelationshipLabel = adult.Relationship.Label(),
        Email = adult.Email,
        Phone = adult.Phone,
        Employer = adult.Employer,
        CafNumber = adult.CafNumber,
        IsMe = adult.AccountId is not null && adult.AccountId == callerAccountId,
    };

    public static Wire.HouseholdAddress Address(HouseholdAddressRecord address) => new()
    {
        Street = address.Street,
        PostalCode = address.PostalCode,
        City = address.City,
    };

    /// <summary>The child as one of their households sees them: their own details, and the custody in words that name no one.</summary>
    public static Wire.HouseholdChild Child(HouseholdChildRecord child, string householdId) => new()
    {
        ChildId = child.ChildId,
        FirstName = child.FirstName,
        LastName = child.LastName,
        BirthDate = child.BirthDate is { } day ? WireDates.Format(day) : "",
        School = child.School,
        SharedCustody = child.IsShared,
        CustodyLabel = child.IsShared ? child.Custody.AsSeenFrom(child.ResidesWithHouseholdId == householdId) : "",
    };

    public static AdultForm Form(Wire.HouseholdAdult adult) => new(adult.FirstName, adult.LastName, adult.BirthDate,
        Relationship(adult.Relationship), adult.Email, adult.Phone, adult.Employer, adult.CafNumber);

    public static AdultRelationship Relationship(Wire.HouseholdRelationship relationship) =>
        System.Enum.IsDefined((AdultRelationship)(int)relationship) ? (AdultRelationship)(int)relationship : AdultRelationship.Unspecified;

    public static DossierChangeKind Kind(Wire.DossierChangeKind kind) =>
        System.Enum.IsDefined((DossierChangeKind)(int)kind) ? (DossierChangeKind)(int)kind : DossierChangeKind.Unspecified;

    public static CustodyArrangement Arrangement(Wire.CustodyArrangement arrangement) =>
        System.Enum.IsDefined((CustodyArrangement)(int)arrangement) ? (CustodyArrangement)(int)arrangement : CustodyArrangement.Unspecified;

    public static DossierChangeState? State(Wire.DossierChangeState state) =>
        state == Wire.DossierChangeState.Unspecified || !System.Enum.IsDefined((DossierChangeState)(int)state) ? null : (DossierChangeState)(int)state;

    public static Wire.DossierChangeKindInfo KindInfo(DossierChangeDefinition definition) => new()
    {
        Kind = (Wire.DossierChangeKind)(int)definition.Kind,
        Label = definition.Label,
        ProofTypeCode = definition.ProofTypeCode,
        ProofLabel = definition.ProofLabel,
        ProofHint = definition.ProofHint,
    };

    /// <summary>A request with its history and documents, as its citizen and the agents read it.</summary>
    public static Wire.DossierChange Change(DossierChangeView view, string communeName)
    {
        var submission = view.Submission;
        var change = new Wire.DossierChange
        {
            Reference = submission.Reference,
            Kind = (Wire.DossierChangeKind)(int)submission.Kind,
            KindLabel = submission.Kind.Label(),
            State = (Wire.DossierChangeState)(int)view.State,
            StateLabel = view.State.Label(),
            CommuneInseeCode = submission.CommuneCode,
            CommuneName = communeName,
            Summary = DossierChangeText.Line(submission),
            SubmittedAt = Timestamp.FromDateTimeOffset(submission.SubmittedAt),
            Comment = submission.Comment,
            SubmittedBy = submission.SubmitterName,
        };
        if (view.Decision is { } decision)
        {
            change.DecidedAt = Timestamp.FromDateTimeOffset(decision.At);
            change.DecidedBy = decision.AgentName;
            change.RefusalReason = decision.RefusalReason;
        }
        change.History.AddRange(view.History.Select(e => new Wire.DossierChangeEvent
        {
            State = (Wire.DossierChangeState)(int)e.State,
            StateLabel = e.State.Label(),
            At = Timestamp.FromDateTimeOffset(e.At),
        }));
        change.Documents.AddRange(submission.Documents.Select(Document));
        return change;
    }

    /// <summary>A line of the agents' queue: no detail of what is asked until the request is opened.</summary>
    public static Wire.DossierChange Line(DossierChangeSummary summary, string communeCode, string communeName)
    {
        var change = new Wire.DossierChange
        {
            Reference = summary.Reference,
            Kind = (Wire.DossierChangeKind)(int)summary.Kind,
            KindLabel = summary.Kind.Label(),
            State = (Wire.DossierChangeState)(int)summary.State,
            StateLabel = summary.State.Label(),
            CommuneInseeCode = communeCode,
            CommuneName = communeName,
            SubmittedAt = Timestamp.FromDateTimeOffset(summary.SubmittedAt),
            DecidedBy = summary.DecidedBy,
            SubmittedBy = summary.SubmitterName,
        };
        if (summary.DecidedAt is { } at) change.DecidedAt = Timestamp.FromDateTimeOffset(at);
        return change;
    }

    public static Wire.DossierChangeDocument Document(SubmittedDocument document) => new()
    {
        DocumentId = document.DocumentId,
        TypeCode = document.TypeCode,
        TypeLabel = document.TypeLabel,
        FileName = document.FileName,
        ContentType = document.ContentType,
        SizeBytes = document.SizeBytes,
        IssuedOn = document.IssuedOn is { } day ? WireDates.Format(day) : "",
    };
}
