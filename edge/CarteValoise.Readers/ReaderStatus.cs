namespace CarteValoise.Readers;

/// <summary>The words of <see cref="ICardReader.Status"/>, which agents read in /admin.</summary>
public static class ReaderStatus
{
    public const string Ok = "ok";
    public const string Starting = "démarrage";
    public const string ErrorPrefix = "erreur: ";

    public static string Error(string what) => ErrorPrefix + what;
}
