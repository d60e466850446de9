using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Renews a work item's lease every <see cref="RuntimeOptions.HeartbeatInterval"/> while its burst runs,
/// so a long burst keeps its item and only a dead host's lease expires. Dispose it when the burst ends.
/// </summary>
/// <remarks>
/// Most bursts end long before the first renewal, so starting and stopping one costs only a timer: no task, no
/// cancellation and no exception unless a renewal is running when the burst ends (bench part (f) measured the former
/// loop, a task per burst ended by a cancelled <see cref="PeriodicTimer"/>, at about a quarter of a timer's CPU in the host).
/// </remarks>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly WorkQueue _queue;
    private readonly ClaimedWork _work;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private Task _beat = Task.CompletedTask;
    private bool _stopped;

    private LeaseHeartbeat(WorkQueue queue, ClaimedWork work, TimeSpan interval, TimeProvider clock, ILogger logger)
    {
        _queue = queue;
        _work = work;
        _interval = interval;
        _logger = logger;
        _timer = clock.CreateTimer(static self => ((LeaseHeartbeat)self!).Tick(), this, interval, interval);
    }

    public static LeaseHeartbeat Start(WorkQueue queue, ClaimedWork work, TimeSpan interval, TimeProvider clock, ILogger logger) =>
        new(queue, work, interval, clock, logger);

    public async ValueTask DisposeAsync()
    {
        Task beat;
        lock (_gate)
        {
            _stopped = true;
            beat = _beat;
        }

        await _timer.DisposeAsync();
        if (_stop is { } stop)
        {
            // A renewal was started: end it before the burst's caller settles the item.
            await stop.CancelAsync();
            await beat;
            stop.Dispose();
        }
    }

    /// <summary>One tick: a renewal, unless the previous one is still running (a slow database) or the burst ended.</summary>
    private void Tick()
    {
        lock (_gate)
        {
            if (_stopped || !_beat.IsCompleted)
            {
                return;
            }

            _stop ??= new CancellationTokenSource();
            var stop = _stop.Token;
            _beat = Task.Run(() => BeatAsync(stop), CancellationToken.None);
        }
    }

    private async Task BeatAsync(CancellationToken stop)
    {
        try
        {
            if (!await _queue.ExtendLeaseAsync(_work.Id, stop))
            {
                lock (_gate)
                {
                    _stopped = true;
                }

                if (!stop.IsCancellationRequested)
                {
                    // The burst committed a moment ago, or this host lost the database longer than the lease and
                    // another worker took the item; the instance row lock still keeps the burst from running twice.
                    _logger.LogInformation("Stopped renewing the lease of work item {WorkItemId} (instance {InstanceId}): it is finished or held by another worker", _work.Id, _work.InstanceId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The burst ended.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not renew the lease of work item {WorkItemId} (instance {InstanceId}); retrying in {Interval}. Check that the database is reachable.", _work.Id, _work.InstanceId, _interval);
        }
    }
}
