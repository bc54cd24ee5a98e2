namespace CarteValoise.Web.Sessions;

/// <summary>The role claim values of a signed-in session, as the cloud named them.</summary>
public static class SessionRoles
{
    public const string Parent = "parent";
    public const string Agent = "agent";
    public const string KioskFamily = "famille-borne";
}
