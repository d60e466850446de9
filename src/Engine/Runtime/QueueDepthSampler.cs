using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Samples the queue depth for <see cref="EngineTelemetry.QueueDepthMetric"/> every few seconds while someone observes
/// the gauge, so a metrics scrape never costs a query. At start-up it also counts once: a backlog (timers that fell due
/// while no host ran) is then logged with its progress every few seconds until it is worked off.
/// </summary>
public sealed class QueueDepthSampler(WorkQueue queue, TimeProvider clock, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    private readonly BacklogProgress _backlog = new();

    /// <summary>How often the depth is counted.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var first = true;
        do
        {
            if (!first && !_backlog.Active && !EngineTelemetry.QueueDepthObserved)
            {
                continue;
            }

            try
            {
                var due = await queue.DueCountAsync(stoppingToken);
                EngineTelemetry.SetQueueDepth(due);
                Report(_backlog.Observe(due, clock.GetUtcNow()));
                first = false; // counted once at start-up (retried while the database is not ready yet)
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The worker loops report a database outage; this gauge just keeps its last value.
                logger.LogDebug(ex, "Could not sample the queue depth");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private void Report(BacklogReport? report)
    {
        switch (report?.Phase)
        {
            case BacklogPhase.Started:
                logger.LogWarning(
                    "Backlog: {Due} work items are due now (timers that fell due while no host ran, or queued runs); they run in due order, and progress is logged every {Interval}",
                    report.Left, Interval);
                break;
            case BacklogPhase.Progress:
                logger.LogInformation("Backlog: {Done} done, {Left} left, {PerSecond:F0}/s over {Elapsed}", report.Done, report.Left, report.PerSecond, report.Elapsed);
                break;
            case BacklogPhase.WorkedOff:
                logger.LogInformation("Backlog worked off: {Done} items in {Elapsed} ({PerSecond:F0}/s); {Left} due now", report.Done, report.Elapsed, report.PerSecond, report.Left);
                break;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
