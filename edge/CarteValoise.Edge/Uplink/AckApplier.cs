using CarteValoise.Edge.Outbox;
using CarteValoise.Edge.Output;
using Microsoft.Extensions.Logging;

namespace CarteValoise.Edge.Uplink;

/// <summary>
/// Applies the cloud's acks on the box: deletes what is acknowledged, then says so (the ACK line). Acks that come while a deletion runs are folded into the next one, so
/// the side reading the cloud never waits for the disk and a busy box does one deletion — one
/// disk flush — for many acks. A deletion lost in a power cut only means taps sent again, which
/// the cloud drops; so nothing waits for it but the ACK line.
/// </summary>
internal sealed class AckApplier(TapOutbox outbox, BoxOutput output, ILogger logger)
{
    private readonly Lock _gate = new();
    private long _wantedAck;
    private long _wantedDeletion;
    private long _appliedAck;
    private long _deleted;
    private bool _running;
    private Task _run = Task.CompletedTask;

    /// <param name="durableThrough">The cloud's ack.</param>
    /// <param name="deletable">How far the box may delete for it (never beyond what it sent).</param>
    public void Request(long durableThrough, long deletable)
    {
        lock (_gate)
        {
            _wantedAck = Math.Max(_wantedAck, durableThrough);
            _wantedDeletion = Math.Max(_wantedDeletion, deletable);
            if (_running) return;
            _running = true;
            _run = Task.Run(RunAsync);
        }
    }

    /// <summary>Completes once the acks requested so far are applied (or failed).</summary>
    public Task Settled
    {
        get { lock (_gate) return _run; }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            long ack, deletion, deleted;
            lock (_gate)
            {
                if (_appliedAck >= _wantedAck && _deleted >= _wantedDeletion)
                {
                    _running = false;
                    return;
                }
                (ack, deletion, deleted) = (_wantedAck, _wantedDeletion, _deleted);
            }
            try
            {
                if (deletion > deleted) await outbox.DeleteThroughAsync(deletion);
            }
            catch (ObjectDisposedException)
            {
                lock (_gate) _running = false; // the box is stopping; the next start sends these again
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Passages acquittés jusqu'au n° {Sequence} non retirés de la box ; nouvel essai au prochain acquittement.", deletion);
                lock (_gate) _running = false;
                return;
            }
            lock (_gate) (_deleted, _appliedAck) = (Math.Max(_deleted, deletion), Math.Max(_appliedAck, ack));
            logger.LogDebug("Le cloud a mis en sûreté les passages jusqu'au n° {Sequence}.", ack);
            output.Ack(ack);
        }
    }
}
