using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Samples the queue depth for <see cref="EngineTelemetry.QueueDepthMetric"/> every few seconds, and only
/// while someone observes the gauge, so a metrics scrape never costs a query.
/// </summary>
public sealed class QueueDepthSampler(WorkQueue queue, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    /// <summary>How often the depth is counted.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (!EngineTelemetry.QueueDepthObserved)
            {
                continue;
            }

            try
            {
                EngineTelemetry.SetQueueDepth(await queue.DueCountAsync(stoppingToken));
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
