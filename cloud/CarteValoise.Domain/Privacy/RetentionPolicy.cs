namespace CarteValoise.Domain.Privacy;

/// <summary>
/// The platform's retention policy, published to every citizen on «Mes données» and in their
/// archive. The periods are the shortest each purpose allows: what the commune needs to run the
/// canteen and bill it, what public accounting and the limitation periods require, and nothing
/// longer. Closing an account erases what exists for the account alone (its safe, its settings);
/// what the commune or the law needs stays for its period (<see cref="RetentionPeriod.KeptAfterClosure"/>).
/// </summary>
public static class RetentionPolicy
{
    public static IReadOnlyList<RetentionPeriod> Periods { get; } =
    [
        new("compte",
            "Adresse électronique et nom du compte",
            "jusqu'à la clôture du compte, puis 1 an",
            "Gestion du compte ; preuve en cas de contestation d'une connexion ou d'une demande",
            KeptAfterClosure: true),
        new("authentification",
            "Mot de passe chiffré, double authentification, liaison FranceConnect",
            "jusqu'à la clôture du compte",
            "Sécurité de votre compte",
            KeptAfterClosure: false),
        new("sessions",
            "Sessions de connexion, avec leur appareil et leur adresse IP",
            "jusqu'à la fin de la session, au plus 1 an",
            "Sécurité des accès au service",
            KeptAfterClosure: false),
        new("dossier-famille",
            "Dossier famille (composition du foyer, coordonnées, quotient familial et date de son justificatif)",
            "tant qu'un enfant est inscrit à un service de la commune, puis jusqu'à la fin de l'année scolaire suivante",
            "Mission de service public de la commune (RGPD, art. 6.1.e) : restauration scolaire et périscolaire",
            KeptAfterClosure: true),
        new("inscriptions-cartes",
            "Inscriptions des enfants aux services, PAI, cartes",
            "tant que l'enfant est inscrit, puis jusqu'à la fin de l'année scolaire suivante",
            "Mission de service public de la commune (RGPD, art. 6.1.e) ; sécurité des enfants (PAI)",
            KeptAfterClosure: true),
        new("reservations",
            "Réservations de repas et d'accueils",
            "l'année scolaire en cours et la suivante",
            "Organisation des repas et de l'accueil ; facturation",
            KeptAfterClosure: true),
        new("passages",
            "Passages de carte, repas et accueils pris",
            "4 ans après l'année du passage",
            "Justification de ce qui est facturé : prescription des créances des communes (4 ans, art. L1617-5 du CGCT)",
            KeptAfterClosure: true),
        new("factures-paiements",
            "Mouvements du solde, factures et paiements",
            "10 ans après la fin de l'année de l'opération",
            "Comptabilité publique : conservation des pièces comptables (10 ans)",
            KeptAfterClosure: true),
        new("pieces-justificatives",
            "Pièces justificatives de votre coffre-fort",
            "jusqu'à ce que vous les supprimiez, et au plus tard jusqu'à la clôture du compte",
            "Votre demande : le coffre-fort sert à ne fournir vos pièces qu'une fois",
            KeptAfterClosure: false),
        new("copies-demandes",
            "Copies de pièces jointes à une demande",
            "aussi longtemps que la demande à laquelle elles sont jointes",
            "Instruction de la demande par la commune ; la copie reste telle qu'elle a été transmise",
            KeptAfterClosure: true),
        new("demandes",
            "Demandes (démarches) et décisions",
            "5 ans après la décision",
            "Recours possibles contre la décision (prescription de droit commun, 5 ans, art. 2224 du code civil)",
            KeptAfterClosure: true),
        new("journal-des-acces",
            "Journal des accès à vos données par les agents",
            "6 ans après chaque accès",
            "Preuve d'un accès abusif : prescription des délits (6 ans, art. 8 du code de procédure pénale)",
            KeptAfterClosure: true),
        new("demande-de-cloture",
            "Demande de clôture du compte",
            "1 an après la clôture ou l'annulation",
            "Preuve de votre demande et de sa date",
            KeptAfterClosure: true),
    ];

    /// <summary>What stays once the account is closed, each with how long: «Factures et paiements : 10 ans …».</summary>
    public static IReadOnlyList<string> KeptAfterClosure { get; } =
        [.. Periods.Where(p => p.KeptAfterClosure).Select(p => $"{p.Data} : {p.Period}")];

    /// <summary>What closing the account erases at once (after its 30 days).</summary>
    public static IReadOnlyList<string> ErasedAtClosure { get; } =
        [.. Periods.Where(p => !p.KeptAfterClosure).Select(p => p.Data)];

    public static RetentionPeriod Of(string kind) =>
        Periods.FirstOrDefault(p => p.Kind == kind) ?? throw new ArgumentException($"Aucune durée de conservation n'est fixée pour « {kind} ».", nameof(kind));
}
