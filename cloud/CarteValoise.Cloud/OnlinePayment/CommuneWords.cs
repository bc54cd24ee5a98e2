namespace CarteValoise.Cloud.OnlinePayment;

/// <summary>«de Cergy», «d'Argenteuil»: French elides «de» before a vowel or a silent h.</summary>
internal static class CommuneWords
{
    public static string Of(string communeName) =>
        communeName.Length > 0 && "AEIOUYHÂÉÈÊÎÔaeiouyhâéèêîô".Contains(communeName[0]) ? $"d'{communeName}" : $"de {communeName}";
}
