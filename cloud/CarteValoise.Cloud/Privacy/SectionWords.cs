using System.Text;

namespace CarteValoise.Cloud.Privacy;

/// <summary>Names of sections and keys of their data made readable: «mouvementsDuSolde» is «mouvements du solde».</summary>
public static class SectionWords
{
    public static string Humanize(string key)
    {
        var words = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '-' or '_' or '.') words.Append(' ');
            else if (char.IsUpper(c) && i > 0 && char.IsLower(key[i - 1])) words.Append(' ').Append(char.ToLowerInvariant(c));
            else words.Append(i == 0 ? char.ToLowerInvariant(c) : c);
        }
        return words.ToString().Trim();
    }

    /// <summary>«demande-de-cloture» is «Demande de cloture»: the title of a section that gives none.</summary>
    public static string Title(string name)
    {
        var words = Humanize(name);
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// A name safe as a file or folder name in any archive tool: letters, digits, '-', '_' and '.'
    /// (accented letters kept), the rest as '-', never empty, never "." or "..".
    /// </summary>
    public static string SafeFileName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in Path.GetFileName(name.Replace('\\', '/')).Trim())
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' or '(' or ')' ? c : '-');
        var text = safe.ToString().Trim('.', ' ');
        return text.Length == 0 ? "fichier" : text;
    }
}
