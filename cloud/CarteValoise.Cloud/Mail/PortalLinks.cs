namespace CarteValoise.Cloud.Mail;

/// <summary>
/// Links the cloud puts in mails (verify an address, reset a password, follow a request) point to
/// the portal at <c>Portal:PublicUrl</c>, from configuration only: never from a request, so that no
/// caller can have a reset mail point to a site of theirs.
/// </summary>
public sealed class PortalLinks(IConfiguration configuration)
{
    public Uri Base { get; } = new((configuration["Portal:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/') + "/");

    /// <summary>An absolute link to a portal page; <paramref name="pathAndQuery"/> without the leading slash is fine too.</summary>
    public Uri To(string pathAndQuery) => new(Base, pathAndQuery.TrimStart('/'));
}
