namespace CarteValoise.EndToEnd.Tests.Web.Demarches;

/// <summary>
/// The definition files the agents' page tests import: one page (a subject, a proof of address), a
/// workflow where an agent asks for a complement (with a reason), accepts, or refuses (with a reason),
/// and a template; and the same with a state no move leads to, which the cloud must refuse.
/// </summary>
public static class AgentDefinitions
{
    public static string IdOf(string tag) => $"essai-agents-{tag}";

    public static string TitleOf(string tag) => $"Essai des agents {tag}";

    public static string Valid(string tag, string title = "") => Definition(tag, title.Length > 0 ? title : TitleOf(tag), "");

    /// <summary>A closed state «archivee» that no move reaches.</summary>
    public static string WithUnreachableState(string tag) =>
        Definition(tag, TitleOf(tag), """, { "id": "archivee", "label": "Archivée", "kind": "closed" }""");

    public const string UnreachableProblem = "L'état « archivee » n'est atteignable par aucun mouvement depuis « deposee ».";

    private static string Definition(string tag, string title, string moreStates) => $$"""
        {
          "id": "{{IdOf(tag)}}",
          "title": "{{title}}",
          "summary": "Une démarche des tests des pages des agents.",
          "category": "Vie locale",
          "processingDays": 15,
          "pages": [
            {
              "id": "demande",
              "title": "Votre demande",
              "fields": [
                { "id": "objet", "label": "Objet de la demande", "kind": "text", "required": true },
                { "id": "justificatif", "label": "Justificatif de domicile", "kind": "document", "documentType": "justificatif-domicile", "required": true }
              ]
            }
          ],
          "workflow": {
            "initial": "deposee",
            "states": [
              { "id": "deposee", "label": "Déposée", "kind": "open", "deadlineDays": 15 },
              { "id": "complement", "label": "Complément demandé", "kind": "awaitingCitizen", "deadlineDays": 30 },
              { "id": "acceptee", "label": "Acceptée", "kind": "accepted" },
              { "id": "refusee", "label": "Refusée", "kind": "refused" }{{moreStates}}
            ],
            "moves": [
              { "id": "demander-complement", "label": "Demander un complément", "from": ["deposee"], "to": "complement", "actors": ["agent"], "requiresReason": true, "notice": "message", "noticeText": "Complément demandé : {{"{{"}}motif{{"}}"}}" },
              { "id": "completer", "label": "Envoyer le complément", "from": ["complement"], "to": "deposee", "actors": ["citizen"] },
              { "id": "accepter", "label": "Accepter", "from": ["deposee"], "to": "acceptee", "actors": ["agent"], "notice": "message", "noticeText": "Votre demande {{"{{"}}reference{{"}}"}} est acceptée." },
              { "id": "refuser", "label": "Refuser", "from": ["deposee", "complement"], "to": "refusee", "actors": ["agent"], "requiresReason": true, "notice": "message", "noticeText": "Votre demande est refusée : {{"{{"}}motif{{"}}"}}" }
            ]
          },
          "templates": [
            { "id": "attestation", "title": "Attestation", "body": "Objet : {{"{{"}}objet{{"}}"}}" }
          ]
        }
        """;
}
