using System.Globalization;
using CarteValoise.Edge.Decisions;
using CarteValoise.Edge.Taps;

namespace CarteValoise.Edge.Output;

/// <summary>
/// The lines the box prints on standard output for machines (end-to-end tests, supervision) to
/// parse. Their shape is a contract: change it only together with its readers. Logs go to
/// standard error, so standard output carries these lines and the staff's feedback only.
/// </summary>
public sealed class BoxOutput(TextWriter writer)
{
    /// <summary>Every line, after it is written and flushed (tests await lines through it).</summary>
    public event Action<string>? LineWritten;

    public void Ready(string boxId) => Write($"BOX READY box={boxId}");

    public void Tap(RecordedTap tap)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"TAP seq={tap.Sequence} uid={tap.CardUid} at={tap.ReadAt.ToUniversalTime():O} decision={tap.Decision}");
        if (tap.ChildFirstName is not null) line += $" child={tap.ChildFirstName}";
        if (tap.Service != TapService.Canteen) line += $" service={tap.Service}";
        if (tap.AllergyPlan) line += " alert=PAI";
        Write(line);
    }

    public void Ack(long durableThrough) => Write(string.Create(CultureInfo.InvariantCulture, $"ACK through={durableThrough}"));

    /// <summary>The sync stream with this one of the cloud's addresses is open (Hello sent): on a cluster, which silo the box is on.</summary>
    public void Uplink(string cloudAddress) => Write($"UPLINK connected={cloudAddress}");

    public void Roster(long version, int entries) => Write(string.Create(CultureInfo.InvariantCulture, $"ROSTER version={version} entries={entries}"));

    private void Write(string line)
    {
        try
        {
            lock (writer)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
        catch (IOException)
        {
            // Nobody reads standard output any more (a closed pipe): the box serves on regardless.
        }
        LineWritten?.Invoke(line);
    }
}
