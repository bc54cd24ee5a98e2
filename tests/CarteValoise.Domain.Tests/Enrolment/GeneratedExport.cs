using System.Globalization;
using System.Text;

namespace CarteValoise.Domain.Tests.Enrolment;

/// <summary>
/// A large export written as it is read, never whole in memory: the test can then tell how far
/// ahead of its rows the import reads. It is not seekable, like an upload read as it arrives.
/// </summary>
internal sealed class GeneratedExport : Stream
{
    private static readonly string[] LastNames = ["MARTIN", "LEFÈVRE", "DUPONT", "GARNIER", "NGUYEN", "BENALI", "FERREIRA", "MÜLLER", "N'DIAYE", "DA SILVA"];
    private static readonly string[] FirstNames = ["Léa", "Noël", "Chloé", "Yanis", "Inès", "Hugo", "Jade", "Zoë", "Maël", "Aïcha", "Gabriel"];
    private static readonly string[] Schools = ["École élémentaire Jules Ferry", "ecole-pasteur", "GROUPE SCOLAIRE PAUL BERT"];

    private readonly List<(int Family, int Child)> _rows = [];
    private readonly long[] _rowEnds;
    private byte[] _pending;
    private int _pendingAt;
    private int _next;

    public GeneratedExport(int rows)
    {
        for (var family = 0; _rows.Count < rows; family++)
            for (var child = 0; child <= family % 3 && _rows.Count < rows; child++)
                _rows.Add((family, child));
        _rowEnds = new long[rows + 1];
        var end = Bytes(ImportExamples.Header).Length;
        _rowEnds[0] = end;
        for (var i = 0; i < rows; i++) _rowEnds[i + 1] = end += Bytes(RowText(i)).Length;
        _pending = Bytes(ImportExamples.Header);
    }

    public int Families => _rows[^1].Family + 1;

    /// <summary>The offset just past the header (0) or the n-th row.</summary>
    public long EndOfRow(int row) => _rowEnds[row];

    public override long Length => _rowEnds[^1];

    private static byte[] Bytes(string line) => Encoding.UTF8.GetBytes(line + "\r\n");

    private string RowText(int index)
    {
        var (family, child) = _rows[index];
        var name = LastNames[family % LastNames.Length];
        return ImportExamples.Row(
            family: (100_000 + family).ToString(CultureInfo.InvariantCulture),
            name: name,
            address: $"{family % 120 + 1} rue de la République",
            qf: (family * 37 % 2_400).ToString(CultureInfo.InvariantCulture),
            childName: name,
            firstName: FirstNames[(family + child) % FirstNames.Length],
            birth: new DateOnly(2014, 9, 1).AddDays((family * 7 + child * 400) % 3_600).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            school: Schools[(family + child) % Schools.Length],
            @class: "CE1",
            pai: family % 25 == 0 ? "oui" : "non",
            card: $"04{index:X12}");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_pendingAt == _pending.Length)
        {
            if (_next == _rows.Count) return 0;
            _pending = Bytes(RowText(_next++));
            _pendingAt = 0;
        }
        var n = Math.Min(count, _pending.Length - _pendingAt);
        Array.Copy(_pending, _pendingAt, buffer, offset, n);
        _pendingAt += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
