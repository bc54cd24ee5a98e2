namespace CarteValoise.Domain.Access;

/// <summary>
/// Who may read what. The cloud is the only authority, so every service asks these rules before
/// touching a grain; they live here once so that no service carries its own copy.
/// </summary>
public static class AccessRules
{
    /// <summary>A parent or a kiosk session reads only their own family; an agent reads families of the communes they were given.</summary>
    public static bool CanReadFamily(Caller caller, string familyId, string familyCommuneCode) => caller.Role switch
    {
        CallerRole.Parent or CallerRole.KioskFamily => caller.FamilyId == familyId,
        CallerRole.Agent => caller.CommuneCodes.Contains(familyCommuneCode),
        _ => false,
    };

    /// <summary>Commune-wide figures (meal counts, boxes) are for that commune's agents only.</summary>
    public static bool CanReadCommune(Caller caller, string communeCode) =>
        caller.Role == CallerRole.Agent && caller.CommuneCodes.Contains(communeCode);

    /// <summary>
    /// A commune's démarches (their definitions, which are offered) are edited by its administrators
    /// in the back office; the platform knows no role finer than agent, so the commune's agents are
    /// its administrators there.
    /// </summary>
    public static bool CanEditDemarches(Caller caller, string communeCode) => CanReadCommune(caller, communeCode);

    /// <summary>The cluster's own view (the Orleans dashboard, which shows grain states) is for administrators only.</summary>
    public static bool CanOperateCluster(Caller caller) => caller.Role == CallerRole.Administrator;

    /// <summary>An agent's read of a family is personal data access: the family sees it in its access log.</summary>
    public static bool MustLogRead(Caller caller) => caller.Role == CallerRole.Agent;
}
