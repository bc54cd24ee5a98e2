namespace CarteValoise.Edge.Enrolment;

/// <summary>Who the box is for the cloud: what enrolment gave it, kept in its data directory.</summary>
public sealed record BoxCredential(string BoxId, string Secret, string SchoolId, string SchoolName);
