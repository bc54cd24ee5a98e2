using System.Text;
using CarteValoise.Domain.Canteen;

namespace CarteValoise.Domain.Enrolment;

/// <summary>One row of the file: its fields and the line of the file it starts on (1 is the header).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Why the file cannot be read past a given line (a quote opened and never closed).</summary>
internal sealed record CsvBreak(int Line, string Problem);

/// <summary>
/// Reads records one at a time, as spreadsheet software writes them: a separator, fields
/// optionally in double quotes, "" for a quote inside them, separators and line breaks allowed
/// inside quotes. As Excel does, a quote is special only at the start of a field («Jean "Jo"
/// Dupont» stays as written). A quoted field longer than <see cref="MaxFieldLength"/> is a quote
/// never closed: reading stops there rather than swallowing the rest of the file into one field.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    /// <summary>«;» until the header says otherwise.</summary>
    public char Separator { get; set; } = ';';

    public const int MaxFieldLength = 4096;

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;

    public CsvBreak? Break { get; private set; }

    /// <summary>The next record, or null at the end of the file or after a <see cref="Break"/>.</summary>
    public CsvRecord? Read()
    {
        if (Break is not null || Peek() < 0) return null;
        var start = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var fieldStart = true;
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                if (quoted)
                {
                    Break = new CsvBreak(start, "un guillemet ouvert n'est jamais refermé avant la fin du fichier.");
                    return null;
                }
                fields.Add(_field.ToString());
                return new CsvRecord(start, fields);
            }
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"') { Next(); _field.Append('"'); }
                    else quoted = false;
                }
                else if (IsLineBreak(c)) { EndLine(c); _field.Append('\n'); }
                else _field.Append((char)c);
                if (_field.Length > MaxFieldLength)
                {
                    Break = new CsvBreak(start, $"un guillemet ouvert n'est jamais refermé (valeur de plus de {FrenchText.Number(MaxFieldLength)} caractères) ; la lecture du fichier s'arrête là.");
                    return null;
                }
                continue;
            }
            if (c == Separator)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                fieldStart = true;
                continue;
            }
            if (IsLineBreak(c))
            {
                EndLine(c);
                fields.Add(_field.ToString());
                return new CsvRecord(start, fields);
            }
            if (c == '"' && fieldStart) quoted = true;
            else _field.Append((char)c);
            fieldStart = false;
        }
    }

    /// <summary>The first line as written, before the separator is known (a header has no line break in quotes).</summary>
    public string? ReadFirstLine()
    {
        if (Peek() < 0) return null;
        var line = new StringBuilder();
        while (true)
        {
            var c = Next();
            if (c < 0) return line.ToString();
            if (IsLineBreak(c))
            {
                EndLine(c);
                return line.ToString();
            }
            line.Append((char)c);
            if (line.Length > MaxFieldLength * 4) return line.ToString();
        }
    }

    /// <summary>A first line read with <see cref="ReadFirstLine"/>, cut into its fields.</summary>
    public static IReadOnlyList<string> Split(string line, char separator)
    {
        var reader = new CsvRecordReader(new StringReader(line)) { Separator = separator };
        return reader.Read()?.Fields ?? [];
    }

    private static bool IsLineBreak(int c) => c is '\n' or '\r';

    private void EndLine(int c)
    {
        if (c == '\r' && Peek() == '\n') Next();
        _line++;
    }

    private int Peek()
    {
        if (_position == _length && !Fill()) return -1;
        return _buffer[_position];
    }

    private int Next()
    {
        if (_position == _length && !Fill()) return -1;
        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
