namespace CarteValoise.Portal.Pages.Admin.Familles;

/// <summary>A commune named after «de», elided before a vowel as French writes it: «de Cergy», «d'Argenteuil».</summary>
public static class CommuneNames
{
    public static string Of(string name) =>
        name.Length > 0 && "AEIOUYÂÉÈÊÎÔÛaeiouyâéèêîôû".Contains(name[0]) ? $"d'{name}" : $"de {name}";
}
