using System.Text.Json;
using System.Text.Json.Serialization;

namespace CarteValoise.Cloud.Migration;

/// <summary>
/// The export file: UTF-8 JSON lines, one object a line, each ending with "\n".
/// <list type="number">
/// <item>a header: <c>{"format":"cartevaloise-grain-states","version":1,"writtenAt":…,"storage":"carte","serializer":"orleans-binary","records":n,"states":{"family":12,…}}</c></item>
/// <item>n records, one per grain state: <c>{"state":"family","grain":"family/95127-F001","type":"CarteValoise.Grains.Families.FamilyState, CarteValoise.Grains","data":"&lt;base64&gt;"}</c>
/// — the state name, the grain id as Orleans prints and parses it (type/key), the state's CLR type
/// and its bytes exactly as the grain storage holds them (Orleans binary format);</item>
/// <item>a trailer: <c>{"end":"cartevaloise-grain-states","records":n,"sha256":"&lt;hex&gt;"}</c>, the
/// SHA-256 of every byte before it (header and records).</item>
/// </list>
/// Lines, so that a file of millions of states is written and read without holding it in memory,
/// and JSON, so that an operator can look into it with the usual tools.
/// </summary>
public static class ExportFormat
{
    public const string Name = "cartevaloise-grain-states";
    public const int Version = 1;
    public const string OrleansBinary = "orleans-binary";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };
}

/// <summary>The first line of an export.</summary>
public sealed record ExportHeader(
    string Format,
    int Version,
    DateTimeOffset WrittenAt,
    string Storage,
    string Serializer,
    long Records,
    IReadOnlyDictionary<string, long> States);

/// <summary>One grain state of an export.</summary>
public sealed record ExportedState(string State, string Grain, string Type, byte[] Data);

/// <summary>The last line of an export.</summary>
public sealed record ExportTrailer(string End, long Records, string Sha256);
