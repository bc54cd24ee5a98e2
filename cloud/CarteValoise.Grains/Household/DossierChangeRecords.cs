using CarteValoise.Domain.Household;
using CarteValoise.Grains.DocumentSafe;

namespace CarteValoise.Grains.Household;

/// <summary>A child to add, as the request proposes it.</summary>
[GenerateSerializer, Immutable]
public sealed record ProposedChildRecord(
    [property: Id(0)] string FirstName,
    [property: Id(1)] string LastName,
    [property: Id(2)] DateOnly BirthDate,
    [property: Id(3)] string School)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A custody to record: the child, named as the household knows them, shared with the account at <see cref="OtherParentEmail"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ProposedCustodyRecord(
    [property: Id(0)] string ChildId,
    [property: Id(1)] string ChildName,
    [property: Id(2)] string OtherParentEmail,
    [property: Id(3)] CustodyArrangement Arrangement);

/// <summary>
/// A change request as the citizen submitted it: what changes (one of <see cref="NewAddress"/>,
/// <see cref="NewChild"/>, <see cref="Custody"/>, by <see cref="Kind"/>) and the frozen copies of
/// the documents that prove it. <see cref="SubmissionKey"/> is the citizen's operation, so that the
/// same submission sent twice is one request.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DossierChangeSubmission(
    [property: Id(0)] string Reference,
    [property: Id(1)] string CommuneCode,
    [property: Id(2)] string HouseholdId,
    [property: Id(3)] string SubmitterAccountId,
    [property: Id(4)] string SubmitterName,
    [property: Id(5)] string SubmitterEmail,
    [property: Id(6)] DossierChangeKind Kind,
    [property: Id(7)] HouseholdAddressRecord? NewAddress,
    [property: Id(8)] ProposedChildRecord? NewChild,
    [property: Id(9)] ProposedCustodyRecord? Custody,
    [property: Id(10)] IReadOnlyList<SubmittedDocument> Documents,
    [property: Id(11)] string Comment,
    [property: Id(12)] DateTimeOffset SubmittedAt,
    [property: Id(13)] string SubmissionKey,
    [property: Id(14)] HouseholdAddressRecord? AddressBefore = null);

[GenerateSerializer, Immutable]
public sealed record DossierChangeEventRecord(
    [property: Id(0)] DossierChangeState State,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string ByName);

/// <summary>What an agent decided; <see cref="OperationId"/> makes the same decision sent again answer the same.</summary>
[GenerateSerializer, Immutable]
public sealed record DossierDecisionRecord(
    [property: Id(0)] string OperationId,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] string AgentAccountId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string RefusalReason);

/// <summary>A decision as an agent sends it.</summary>
[GenerateSerializer, Immutable]
public sealed record DossierDecision(
    [property: Id(0)] string OperationId,
    [property: Id(1)] bool Accept,
    [property: Id(2)] string AgentAccountId,
    [property: Id(3)] string AgentName,
    [property: Id(4)] string RefusalReason);

/// <summary>A request and where it stands.</summary>
/// <param name="Applied">An accepted change has reached the household(s).</param>
[GenerateSerializer, Immutable]
public sealed record DossierChangeView(
    [property: Id(0)] DossierChangeSubmission Submission,
    [property: Id(1)] DossierChangeState State,
    [property: Id(2)] IReadOnlyList<DossierChangeEventRecord> History,
    [property: Id(3)] DossierDecisionRecord? Decision,
    [property: Id(4)] bool Applied,
    [property: Id(5)] bool AcknowledgementMailed,
    [property: Id(6)] bool DecisionMailed)
{
    public string Reference => Submission.Reference;
}

/// <summary>
/// A line of a commune's queue: enough to list and filter without opening each request, and nothing
/// of what the household asks (an agent reads that by opening the request, which the access log records).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DossierChangeSummary(
    [property: Id(0)] string Reference,
    [property: Id(1)] DossierChangeKind Kind,
    [property: Id(2)] DossierChangeState State,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] string SubmitterName,
    [property: Id(5)] DateTimeOffset? DecidedAt,
    [property: Id(6)] string DecidedBy,
    [property: Id(7)] string HouseholdId);

/// <summary>An accepted change as the household applies it; for a custody, the other household is found already.</summary>
[GenerateSerializer, Immutable]
public sealed record AcceptedChange(
    [property: Id(0)] string Reference,
    [property: Id(1)] DossierChangeKind Kind,
    [property: Id(2)] HouseholdAddressRecord? NewAddress,
    [property: Id(3)] ProposedChildRecord? NewChild,
    [property: Id(4)] ProposedCustodyRecord? Custody,
    [property: Id(5)] string? OtherHouseholdId);

public enum DossierMail { Acknowledgement = 1, Decision = 2 }
