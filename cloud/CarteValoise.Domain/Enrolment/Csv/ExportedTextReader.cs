namespace CarteValoise.Domain.Enrolment;

/// <summary>
/// Reads the text of a file exported by a commune's previous software without knowing its
/// encoding in advance: a BOM says UTF-8 or UTF-16; otherwise each byte sequence that is valid
/// UTF-8 is read as UTF-8 and any other byte as Windows-1252. Deciding per sequence rather than
/// from the first kilobytes keeps the reading streaming and still right for a file whose first
/// accent («Noël») comes after thousands of plain lines; a French name written in Windows-1252
/// never happens to form a valid UTF-8 sequence («é» followed by a letter is not one).
/// </summary>
internal sealed class ExportedTextReader(Stream stream) : TextReader
{
    private enum Form { Unknown, Utf8OrWindows1252, Utf16LittleEndian, Utf16BigEndian }

    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfStream;
    private Form _form;
    private bool _byteOrderMark;
    private bool _sawUtf8;
    private bool _sawWindows1252;
    private char? _pendingLowSurrogate;

    /// <summary>Bytes taken from the stream so far (read ahead of the text returned by at most one buffer).</summary>
    public long BytesRead { get; private set; }

    /// <summary>«UTF-8», «UTF-8 avec BOM», «Windows-1252», «UTF-16», or both when a file mixes them.</summary>
    public string EncodingName => _form switch
    {
        Form.Utf16LittleEndian or Form.Utf16BigEndian => "UTF-16",
        _ when _sawWindows1252 && _sawUtf8 => "UTF-8 et Windows-1252 mêlés",
        _ when _sawWindows1252 => "Windows-1252",
        _ when _byteOrderMark => "UTF-8 avec BOM",
        _ => "UTF-8",
    };

    public bool MixesEncodings => _sawWindows1252 && _sawUtf8;

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_form == Form.Unknown) ReadByteOrderMark();
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingLowSurrogate is { } low)
            {
                buffer[written++] = low;
                _pendingLowSurrogate = null;
                continue;
            }
            if (_form == Form.Utf8OrWindows1252 && AsciiRun(buffer[written..]) is > 0 and var run)
            {
                written += run;
                continue;
            }
            if (!Ensure(_form == Form.Utf8OrWindows1252 ? 4 : 2) && _position == _length) break;
            var decoded = _form == Form.Utf8OrWindows1252 ? DecodeUtf8OrWindows1252() : DecodeUtf16();
            if (decoded < 0) break;
            buffer[written++] = (char)decoded;
        }
        return written;
    }

    /// <summary>Most of a French file is ASCII: copied straight, without the per-character decision.</summary>
    private int AsciiRun(Span<char> buffer)
    {
        var limit = Math.Min(buffer.Length, _length - _position);
        var run = 0;
        while (run < limit && _bytes[_position + run] < 0x80)
        {
            buffer[run] = (char)_bytes[_position + run];
            run++;
        }
        _position += run;
        return run;
    }

    private void ReadByteOrderMark()
    {
        Ensure(3);
        var start = _bytes.AsSpan(_position, _length - _position);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { _position += 3; _byteOrderMark = true; _form = Form.Utf8OrWindows1252; }
        else if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { _position += 2; _form = Form.Utf16LittleEndian; }
        else if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { _position += 2; _form = Form.Utf16BigEndian; }
        else _form = Form.Utf8OrWindows1252;
    }

    /// <summary>True when at least <paramref name="count"/> bytes are buffered; fewer only at the end of the stream.</summary>
    private bool Ensure(int count)
    {
        if (_length - _position >= count) return true;
        if (_endOfStream) return false;
        Array.Copy(_bytes, _position, _bytes, 0, _length - _position);
        _length -= _position;
        _position = 0;
        while (_length < count && !_endOfStream)
        {
            var read = stream.Read(_bytes, _length, _bytes.Length - _length);
            if (read == 0) _endOfStream = true;
            _length += read;
            BytesRead += read;
        }
        return _length - _position >= count;
    }

    private int DecodeUtf8OrWindows1252()
    {
        if (_position == _length) return -1;
        var lead = _bytes[_position];
        if (lead < 0x80) { _position++; return lead; }
        var available = _length - _position;
        var (size, codePoint) = Utf8Sequence(_bytes.AsSpan(_position, Math.Min(available, 4)));
        if (size == 0)
        {
            _position++;
            _sawWindows1252 = true;
            return Windows1252.ToChar(lead);
        }
        _position += size;
        _sawUtf8 = true;
        if (codePoint < 0x10000) return codePoint;
        var pair = char.ConvertFromUtf32(codePoint);
        _pendingLowSurrogate = pair[1];
        return pair[0];
    }

    /// <summary>The length and code point of the well-formed UTF-8 sequence that starts <paramref name="bytes"/>, or size 0.</summary>
    private static (int Size, int CodePoint) Utf8Sequence(ReadOnlySpan<byte> bytes)
    {
        var lead = bytes[0];
        var (size, min, max, first) = lead switch
        {
            >= 0xC2 and <= 0xDF => (2, 0x80, 0xBF, lead & 0x1F),
            0xE0 => (3, 0xA0, 0xBF, lead & 0x0F),
            0xED => (3, 0x80, 0x9F, lead & 0x0F),
            >= 0xE1 and <= 0xEF => (3, 0x80, 0xBF, lead & 0x0F),
            0xF0 => (4, 0x90, 0xBF, lead & 0x07),
            >= 0xF1 and <= 0xF3 => (4, 0x80, 0xBF, lead & 0x07),
            0xF4 => (4, 0x80, 0x8F, lead & 0x07),
            _ => (0, 0, 0, 0),
        };
        if (size == 0 || bytes.Length < size || bytes[1] < min || bytes[1] > max) return (0, 0);
        var codePoint = (first << 6) | (bytes[1] & 0x3F);
        for (var i = 2; i < size; i++)
        {
            if (bytes[i] is < 0x80 or > 0xBF) return (0, 0);
            codePoint = (codePoint << 6) | (bytes[i] & 0x3F);
        }
        return (size, codePoint);
    }

    private int DecodeUtf16()
    {
        if (_length - _position < 2)
        {
            _position = _length; // a stray last byte carries no character
            return -1;
        }
        var (a, b) = (_bytes[_position], _bytes[_position + 1]);
        _position += 2;
        return _form == Form.Utf16LittleEndian ? a | (b << 8) : (a << 8) | b;
    }
}
