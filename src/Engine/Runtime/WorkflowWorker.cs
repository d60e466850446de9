using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Takes queued work (starts, resumes, due timers, retries) from the database and runs it, with
/// <see cref="RuntimeOptions.Workers"/> loops in parallel. Idle loops sleep until pulsed or the poll
/// interval passes, so timers due after a restart fire without anyone asking. A loop that finds a backlog claims
/// several due items per round trip (doubling up to <see cref="MaxClaim"/> while every claim comes back full) and
/// runs them in due order; one item at a time otherwise, so the loops share the work.
/// </summary>
public sealed class WorkflowWorker(
    WorkQueue queue,
    BurstRunner runner,
    WorkSignal signal,
    EngineDb engineDb,
    RuntimeOptions options,
    WorkerHealth health,
    ILogger<WorkflowWorker> logger) : BackgroundService
{
    /// <summary>The most items one loop claims at once.</summary>
    public const int MaxClaim = 16;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A single writer (SQLite): more loops would only queue behind its gate.
        var loops = engineDb.SingleWriter ? 1 : Math.Max(1, options.Workers);
        logger.LogInformation("Workflow worker {Worker} started with {Loops} loop(s) on {Provider}", options.WorkerName, loops, engineDb.ProviderName);
        return Task.WhenAll(Enumerable.Range(0, loops).Select(i => Task.Run(() => LoopAsync(i, stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(int loop, CancellationToken stoppingToken)
    {
        var claim = 1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Beat();
                var claimed = await queue.ClaimDueAsync(claim, stoppingToken);
                if (claimed.Count == 0)
                {
                    claim = 1;
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                    continue;
                }

                claim = claimed.Count == claim ? Math.Min(claim * 2, MaxClaim) : 1;
                await RunClaimedAsync(claimed, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                health.Failed(ex);
                logger.LogError(ex, "Worker loop {Loop} could not take work; retrying in 5 s, or as soon as the LISTEN connection is back. Check that the database is reachable.", loop);
                // The listener pulses when it reconnects: the database is back, and timers due meanwhile fire at once.
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Runs claimed items one after the other. Their leases began at the claim and a burst renews its own only while it
    /// runs, so items not started within a third of the lease are given back for any worker rather than run late on a
    /// lease that may lapse (and be taken over) meanwhile; so are those not started when the host stops.
    /// </summary>
    private async Task RunClaimedAsync(IReadOnlyList<ClaimedWork> claimed, CancellationToken stoppingToken)
    {
        var claimedAt = Stopwatch.GetTimestamp();
        var started = 0;
        try
        {
            foreach (var work in claimed)
            {
                if (started > 0 && (stoppingToken.IsCancellationRequested || Stopwatch.GetElapsedTime(claimedAt) > options.Lease / 3))
                {
                    break;
                }

                started++;
                health.Beat();
                await runner.RunLeasedAsync(work, stoppingToken);
            }
        }
        finally
        {
            // A started item settles its own lease (done, retried with backoff, or left to lapse on shutdown).
            await queue.GiveBackAsync([.. claimed.Skip(started).Select(w => w.Id)], CancellationToken.None);
        }
    }
}
