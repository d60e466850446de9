using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Purges completed and cancelled instances, with their journal, bookmarks, incidents and work, once
/// they finished more than <see cref="RetentionOptions.Days"/> ago: at start-up, then every
/// <see cref="RetentionOptions.Interval"/>. Faulted instances stay until ops retry or cancel them.
/// </summary>
public sealed class RetentionWorker(InstanceStore instances, RetentionOptions options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>Removes every instance past retention, batch by batch; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        if (options.Days <= 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(options.Days);
        var batchSize = Math.Max(1, options.BatchSize);
        var total = 0;
        int removed;
        do
        {
            removed = await instances.PurgeFinishedAsync(cutoff, batchSize, cancellationToken);
            total += removed;
        }
        while (removed == batchSize);

        if (total > 0)
        {
            logger.LogInformation(
                "Retention removed {Count} completed or cancelled instance(s) that finished before {Cutoff:u} ({Days} days), with their journal, bookmarks, incidents and work items",
                total, cutoff, options.Days);
        }

        return total;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Days <= 0)
        {
            logger.LogInformation("Retention is off (Sleek:Retention:Days = 0): finished instances are kept forever");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
                await Task.Delay(options.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Retention could not purge finished instances; trying again in {Interval}. Check that the database is reachable.", options.Interval);
                await Task.Delay(options.Interval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
