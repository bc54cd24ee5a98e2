using CarteValoise.Domain.Demarches;

namespace CarteValoise.Domain.Tests.Demarches;

/// <summary>A démarche that uses every kind of field, condition and move, as an administrator would write its file.</summary>
internal static class SampleDemarche
{
    public const string Json = """
    {
      "id": "acte-naissance",
      "version": 3,
      "title": "Demande d'acte de naissance",
      "summary": "Copie intégrale ou extrait d'un acte de naissance.",
      "category": "État civil",
      "pages": [
        {
          "id": "acte",
          "title": "L'acte demandé",
          "fields": [
            { "id": "type-acte", "label": "Type d'acte", "kind": "choice", "required": true,
              "options": [
                { "value": "copie-integrale", "label": "Copie intégrale" },
                { "value": "extrait-filiation", "label": "Extrait avec filiation" },
                { "value": "extrait-sans-filiation", "label": "Extrait sans filiation" } ] },
            { "id": "motif-demande", "label": "Motif", "kind": "text",
              "condition": { "fieldId": "type-acte", "operator": "equals", "values": ["copie-integrale"] } },
            { "id": "exemplaires", "label": "Nombre d'exemplaires", "kind": "number", "required": true, "rule": { "min": 1, "max": 10 } },
            { "id": "date-naissance", "label": "Date de naissance", "kind": "date", "required": true, "rule": { "maxDays": -1 } },
            { "id": "usages", "label": "Usages", "kind": "multiChoice",
              "options": [ { "value": "passeport", "label": "Passeport" }, { "value": "mariage", "label": "Mariage" }, { "value": "autre", "label": "Autre" } ] },
            { "id": "usage-autre", "label": "Autre usage", "kind": "text", "rule": { "maxLength": 12 },
              "condition": { "fieldId": "usages", "operator": "equals", "values": ["autre"] } }
          ]
        },
        {
          "id": "filiation",
          "title": "Filiation",
          "condition": { "fieldId": "type-acte", "operator": "notEquals", "values": ["extrait-sans-filiation"] },
          "fields": [
            { "id": "nom-pere", "label": "Nom du père", "kind": "text", "required": true },
            { "id": "nom-mere", "label": "Nom de la mère", "kind": "text" }
          ]
        },
        {
          "id": "contact",
          "title": "Vos coordonnées",
          "fields": [
            { "id": "courriel", "label": "Adresse électronique", "kind": "email", "required": true, "prefill": "demandeur.courriel" },
            { "id": "telephone", "label": "Téléphone", "kind": "phone" },
            { "id": "adresse", "label": "Adresse d'envoi", "kind": "address", "required": true },
            { "id": "enfant", "label": "Enfant concerné", "kind": "child" },
            { "id": "piece", "label": "Pièce d'identité", "kind": "document", "required": true, "documentType": "piece-identite" },
            { "id": "code", "label": "Code d'accès", "kind": "text", "rule": { "pattern": "[A-Z]{2}[0-9]{3}", "patternMessage": "Le code d'accès compte deux lettres puis trois chiffres, par exemple AB123." } }
          ]
        },
        {
          "id": "presents",
          "title": "Les personnes",
          "fields": [
            { "id": "personnes", "label": "Personne", "kind": "group", "minItems": 0, "maxItems": 3,
              "fields": [
                { "id": "prenom", "label": "Prénom", "kind": "text", "required": true },
                { "id": "majeur", "label": "Majeur", "kind": "choice", "options": [ { "value": "oui", "label": "Oui" }, { "value": "non", "label": "Non" } ] },
                { "id": "responsable", "label": "Responsable", "kind": "text", "required": true,
                  "condition": { "fieldId": "majeur", "operator": "equals", "values": ["non"] } }
              ] }
          ]
        }
      ],
      "workflow": {
        "initial": "deposee",
        "states": [
          { "id": "deposee", "label": "Déposée", "kind": "open", "deadlineDays": 10 },
          { "id": "complement", "label": "En attente d'un complément", "kind": "awaitingCitizen", "deadlineDays": 30 },
          { "id": "acceptee", "label": "Acceptée", "kind": "accepted" },
          { "id": "refusee", "label": "Refusée", "kind": "refused" },
          { "id": "retiree", "label": "Retirée", "kind": "closed" }
        ],
        "moves": [
          { "id": "demander-complement", "label": "Demander un complément", "from": ["deposee"], "to": "complement", "actors": ["agent"],
            "requiresReason": true, "notice": "email", "noticeText": "Votre demande {{reference}} attend un complément : {{ motif }}." },
          { "id": "completer", "label": "Compléter", "from": ["complement"], "to": "deposee", "actors": ["citizen"], "notice": "message" },
          { "id": "accepter", "label": "Accepter", "from": ["deposee"], "to": "acceptee", "actors": ["agent"], "notice": "email",
            "noticeText": "Votre demande {{reference}} est acceptée.", "template": "copie-acte" },
          { "id": "refuser", "label": "Refuser", "from": ["deposee", "complement"], "to": "refusee", "actors": ["agent"], "requiresReason": true, "notice": "email" },
          { "id": "retirer", "label": "Retirer", "from": ["deposee", "complement"], "to": "retiree", "actors": ["citizen"] },
          { "id": "classer", "label": "Classer sans suite", "from": ["complement"], "to": "retiree", "actors": ["system"] }
        ]
      },
      "templates": [
        { "id": "copie-acte", "title": "Copie d'acte de naissance", "body": "{{commune}}, le {{date}}.\nActe demandé : {{type-acte}}, père : {{nom-pere}}." }
      ],
      "processingDays": 15
    }
    """;

    public static DemarcheDefinition Definition() => DefinitionFile.Parse(Json);

    public static readonly DateOnly Today = new(2026, 3, 12);

    public static AnswerContext Context(bool atCounter = false) => new(
        Today,
        new Dictionary<string, string> { ["enfant-1"] = "Léa Martin" },
        new Dictionary<string, string> { ["doc-cni"] = "piece-identite", ["doc-edf"] = "justificatif-domicile" },
        atCounter);

    /// <summary>Answers that pass every check: a copie intégrale, so the filiation page is shown.</summary>
    public static Dictionary<string, string> Answers() => new()
    {
        ["type-acte"] = "copie-integrale",
        ["motif-demande"] = "Mariage",
        ["exemplaires"] = "2",
        ["date-naissance"] = "1990-05-01",
        ["nom-pere"] = "Martin",
        ["courriel"] = "marie.martin@exemple.fr",
        ["adresse"] = "12 rue des Écoles\n95000\nCergy",
        ["piece"] = "doc-cni",
    };
}
