using CarteValoise.Domain.Canteen;

namespace CarteValoise.Grains.Demarches;

/// <summary>What a request's timeline says and why a request refuses a command, in French.</summary>
public static class RequestTexts
{
    public const int MessageMaxLength = 5000;

    public static string Submitted(RequestSubmission submission) => submission.Channel switch
    {
        RequestChannel.Kiosk => "Demande déposée à la borne",
        RequestChannel.Counter => $"Demande enregistrée au guichet par {submission.EnteredByAgentName}",
        _ => "Demande déposée en ligne",
    };

    public static string Moved(string label, string reason) => reason.Length == 0 ? label : $"{label} : {reason}";

    public static string Assigned(string agentId, string agentName) => agentId.Length == 0 ? "Remise dans la file" : $"Attribuée à {agentName}";

    public static string Generated(string title) => $"Document disponible : {title}";

    public static string AlreadyDecided(string decidedBy, DateTimeOffset decidedAt) =>
        $"Cette demande a déjà été traitée par {decidedBy} le {FrenchText.DayAndTime(decidedAt)}.";

    public static string Closed(string decidedBy, DateTimeOffset decidedAt) =>
        $"Cette demande est close : elle a été traitée par {decidedBy} le {FrenchText.DayAndTime(decidedAt)}. Pour toute question, contactez votre mairie.";

    public const string NotYours = "Cette demande n'est pas la vôtre.";
    public const string EmptyMessage = "Écrivez votre message.";
    public const string NoteForAgents = "Seul un agent peut écrire une note interne.";
    public static readonly string MessageTooLong = $"Votre message dépasse {FrenchText.Number(MessageMaxLength)} caractères : raccourcissez-le.";

    public static string OtherSubmission(string reference) => $"La référence {reference} est déjà celle d'une autre demande.";

    public static string UnknownVersion(string title, int version) =>
        $"La démarche « {title} » (version {version}) n'existe pas dans cette commune.";

    public static string Unknown(string reference) => $"La demande {reference} n'existe pas.";
}
