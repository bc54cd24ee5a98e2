namespace CarteValoise.EndToEnd.Tests.Platform;

/// <summary>What the cloud's demo seed holds (the README lists the same logins).</summary>
public static class Demo
{
    public const string ParentPassword = "Demo-Parent-2026!";
    public const string AgentPassword = "Demo-Agent-2026!";
    public const string KioskPin = "2468";

    public const string CergyParent = "parent.cergy@demo.cartevaloise.fr";
    public const string PontoiseParent = "parent.pontoise@demo.cartevaloise.fr";
    public const string CergyAgent = "agent.cergy@demo.cartevaloise.fr";

    public const string Cergy = "95127";
    public const string Pontoise = "95500";

    public const string CergySchool = "95127-E1";
    public const string CergyFamily = "95127-F001";
    public const string PontoiseFamily = "95500-F001";

    /// <summary>"04" + INSEE + school 1 + family 001 + child n + "00": the Cergy parent's two children.</summary>
    public static readonly IReadOnlyList<string> CergyFamilyCards = ["04951271001100", "04951271001200"];

    public const string CergySecondSchool = "95127-E2";

    /// <summary>
    /// Cergy's families are numbered 1 to 12: 1 to 6 at school E1, 7 to 12 at school E2. Each test
    /// that taps keeps to families of its own, so that it can count their taps exactly.
    /// </summary>
    public static string CergyFamilyNumbered(int family) => $"{Cergy}-F{family:D3}";

    /// <summary>The card of a Cergy family's child (1 or 2): "04" + INSEE + school + family + child + "00".</summary>
    public static string CergyCard(int family, int child) => $"04{Cergy}{(family <= 6 ? 1 : 2)}{family:D3}{child}00";

    /// <summary>A well-formed card that no child holds.</summary>
    public const string UnknownCard = "04000000000001";
}
