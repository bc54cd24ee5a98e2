using System.Globalization;
using CarteValoise.Cloud.Household;
using CarteValoise.Grains.Demarches;

namespace CarteValoise.Cloud.Demarches;

/// <summary>
/// The platform's own moves: every <c>Demarches:DeadlineSweepMinutes</c> (15) each commune's queue
/// moves the requests whose state's deadline passed and whose workflow has a move for the platform
/// from that state (a complement never sent: «Classée sans suite»), then their citizens are mailed
/// as the move's notice says. In a cluster every silo sweeps: harmless, since a request moves once
/// per overdue state (its operation id is the state's entry), and a sweep that finds it moved
/// already moves nothing; a mail missed here goes with the next call on the request.
/// </summary>
public sealed class DemarcheDeadlines(
    IGrainFactory grains,
    HouseholdDirectory directory,
    DemarcheMails mails,
    DeadlineSweepSettings settings,
    TimeProvider time,
    ILogger<DemarcheDeadlines> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(failure, "Délais des démarches non appliqués : repris au prochain passage");
            }
        }
    }

    /// <summary>One pass over every commune; the references moved.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var moved = new List<string>();
        foreach (var commune in (await directory.CommuneNames()).Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                foreach (var reference in await grains.GetGrain<IRequestQueueGrain>(commune).ApplyDeadlines(now))
                {
                    moved.Add(reference);
                    logger.LogInformation("Demande {Reference} : délai écoulé, mouvement de la plateforme", reference);
                    if (await grains.GetGrain<IDemarcheRequestGrain>(reference).Get() is { } view) await mails.NotifyAsync(view, cancellationToken);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One commune's trouble never holds back the others'.
                logger.LogWarning(failure, "Délais des démarches de la commune {Commune} non appliqués : repris au prochain passage", commune);
            }
        }
        return moved;
    }
}

/// <param name="Every">How often the deadlines are looked at: <c>Demarches:DeadlineSweepMinutes</c>, 15 by default.</param>
public sealed record DeadlineSweepSettings(TimeSpan Every)
{
    public static DeadlineSweepSettings From(IConfiguration configuration)
    {
        var text = configuration["Demarches:DeadlineSweepMinutes"];
        if (string.IsNullOrWhiteSpace(text)) return new(TimeSpan.FromMinutes(15));
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? new(TimeSpan.FromMinutes(minutes))
            : throw new InvalidOperationException(
                $"Demarches:DeadlineSweepMinutes doit être un nombre de minutes positif (« {text} »). Demarches:DeadlineSweepMinutes must be a positive number of minutes.");
    }
}
