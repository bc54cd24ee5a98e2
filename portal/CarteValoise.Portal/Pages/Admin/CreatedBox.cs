namespace CarteValoise.Portal.Pages.Admin;

/// <summary>
/// A box just created and the one-time code that enrols it: shown once, in the answer to the form
/// that created it, and never kept by the portal.
/// </summary>
public sealed record CreatedBox(string BoxId, string SchoolName, string Label, string EnrolmentCode, DateTimeOffset? CodeExpiresAt);
