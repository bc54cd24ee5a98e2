using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CarteValoise.Grains.Children;
using CarteValoise.Grains.Communes;
using CarteValoise.Grains.Families;

namespace CarteValoise.Cloud.Services.Enrolment;

/// <summary>
/// The ids of families and children an agent creates. A family typed in gets the commune's next
/// number («95127-F013», as the agents quote it); a family imported gets an id made of the commune
/// and its number in the former software («95127-F-1042»), so that importing the file again finds
/// it instead of making a twin. A child gets a pseudonymous id («95127-C» and ten hex digits): it
/// travels to the reader boxes, and says nothing of the child.
/// </summary>
public sealed partial class FamilyIds(IGrainFactory grains)
{
    // Two agents creating families at once in one commune must not get the same number.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _numbering = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="profileFor"/>'s family under the commune's next free number, and returns the id.</summary>
    public async Task<string> RegisterNewFamily(string communeCode, Func<string, FamilyProfile> profileFor)
    {
        var gate = _numbering.GetOrAdd(communeCode, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var numbered = new Regex($"^{Regex.Escape(communeCode)}-F(\\d{{1,9}})$", RegexOptions.CultureInvariant);
            var known = await grains.GetGrain<ICommuneGrain>(communeCode).GetFamilyIds();
            var next = known.Select(id => numbered.Match(id)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .DefaultIfEmpty(0).Max() + 1;
            while (true)
            {
                var id = $"{communeCode}-F{next.ToString("D3", CultureInfo.InvariantCulture)}";
                var family = grains.GetGrain<IFamilyGrain>(id);
                // A family the commune does not list yet (being written elsewhere) keeps its number.
                if (await family.GetProfile() is null)
                {
                    await family.Register(profileFor(id));
                    return id;
                }
                next++;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The id of the family numbered <paramref name="formerNumber"/> in the commune's former software.
    /// Numbers are compared without case, as the import does; a number with other characters than
    /// letters, digits and single dashes, dots or underscores is replaced by a digest of it.
    /// </summary>
    public static string Imported(string communeCode, string formerNumber)
    {
        var number = formerNumber.Trim().ToUpperInvariant();
        if (number.Length is 0 or > 30 || !PlainNumber().IsMatch(number))
            number = "H" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(number)))[..16];
        return $"{communeCode}-F-{number}";
    }

    /// <summary>A new pseudonymous child id no child holds yet.</summary>
    public async Task<string> NewChildId(string communeCode)
    {
        while (true)
        {
            var id = $"{communeCode}-C{Convert.ToHexString(RandomNumberGenerator.GetBytes(5))}";
            if (await grains.GetGrain<IChildGrain>(id).GetProfile() is null) return id;
        }
    }

    [GeneratedRegex(@"^[A-Z0-9]+([-_.][A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
