using CarteValoise.Edge.Configuration;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Enrolment;

/// <summary>
/// Settles who the box is before it starts: Box:Id and Box:Secret from the configuration win; else
/// the credential kept in the data directory; else the one-time code is exchanged for a credential,
/// which is kept (so the code is needed once only). The resolved identity is written into
/// <see cref="BoxOptions"/>, which the uplink reads.
/// </summary>
public static class BoxIdentity
{
    public enum Source
    {
        Configuration,
        CredentialFile,
        Enrolment,
    }

    /// <param name="enrol">Exchanges a code for a credential; throws <see cref="EnrolmentRefusedException"/> when refused.</param>
    public static async Task<Source> ResolveAsync(
        BoxOptions box, string dataDirectory, Func<string, CancellationToken, Task<BoxCredential>> enrol, ILogger logger, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(box.Id) && !string.IsNullOrWhiteSpace(box.Secret)) return Source.Configuration;

        var kept = CredentialFile.Read(dataDirectory);
        if (kept is not null)
        {
            Apply(box, kept);
            return Source.CredentialFile;
        }
        if (string.IsNullOrWhiteSpace(box.EnrolmentCode))
            throw new EnrolmentRefusedException("La box n'a pas d'identité : ni Box:Id et Box:Secret, ni fichier d'identité, ni Box:EnrolmentCode.");

        logger.LogInformation("Enrôlement de la box auprès de {Cloud} avec le code à usage unique…", box.CloudAddress);
        var credential = await enrol(box.EnrolmentCode, cancellationToken);
        CredentialFile.Write(dataDirectory, credential);
        Apply(box, credential);
        logger.LogInformation(
            "Box enrôlée : identifiant {BoxId}, école {SchoolId} ({SchoolName}). Identité gardée dans {Path} ; Box__EnrolmentCode peut être retiré.",
            credential.BoxId, credential.SchoolId, credential.SchoolName, CredentialFile.PathIn(dataDirectory));
        return Source.Enrolment;
    }

    private static void Apply(BoxOptions box, BoxCredential credential)
    {
        box.Id = credential.BoxId;
        box.Secret = credential.Secret;
        // A school given in the configuration is the installer's word; the credential fills it in otherwise.
        if (string.IsNullOrWhiteSpace(box.SchoolId)) box.SchoolId = credential.SchoolId;
    }
}
