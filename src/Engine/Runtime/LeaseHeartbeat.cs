using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Renews a work item's lease every <see cref="RuntimeOptions.HeartbeatInterval"/> while its burst runs,
/// so a long burst keeps its item and only a dead host's lease expires. Dispose it when the burst ends.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseHeartbeat(WorkQueue queue, ClaimedWork work, TimeSpan interval, TimeProvider clock, ILogger logger) =>
        _loop = Task.Run(() => BeatAsync(queue, work, interval, clock, logger, _stop.Token));

    public static LeaseHeartbeat Start(WorkQueue queue, ClaimedWork work, TimeSpan interval, TimeProvider clock, ILogger logger) =>
        new(queue, work, interval, clock, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task BeatAsync(WorkQueue queue, ClaimedWork work, TimeSpan interval, TimeProvider clock, ILogger logger, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await queue.ExtendLeaseAsync(work.Id, stop))
                    {
                        if (!stop.IsCancellationRequested)
                        {
                            // The burst committed a moment ago, or this host lost the database longer than the lease and
                            // another worker took the item; the instance row lock still keeps the burst from running twice.
                            logger.LogInformation("Stopped renewing the lease of work item {WorkItemId} (instance {InstanceId}): it is finished or held by another worker", work.Id, work.InstanceId);
                        }

                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the lease of work item {WorkItemId} (instance {InstanceId}); retrying in {Interval}. Check that the database is reachable.", work.Id, work.InstanceId, interval);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The burst ended.
        }
    }
}
