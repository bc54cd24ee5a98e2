namespace CarteValoise.Portal.OnlinePayment.Sandbox;

/// <summary>The sandbox page's own look, served as a file: the portal's pages allow no inline style.</summary>
public static class SandboxStyle
{
    public const string Css = """
        .sandbox-header { background: #000091; color: #fff; padding: 0.75rem 1rem; }
        .sandbox-header p { margin: 0; }
        .sandbox-tag { background: #fff; color: #000091; border-radius: 0.25rem; padding: 0 0.4rem; font-weight: bold; }
        .payfip-sandbox details { margin: 1rem 0; }
        .payfip-sandbox .actions button { margin: 0 0.5rem 0.5rem 0; }
        """;
}
