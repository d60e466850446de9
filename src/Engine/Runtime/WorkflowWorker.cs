using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Takes queued work (starts, resumes, due timers, retries) from the database and runs it, with
/// <see cref="RuntimeOptions.Workers"/> loops in parallel. Idle loops sleep until pulsed or the poll
/// interval passes, so timers due after a restart fire without anyone asking.
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Beat();
                var work = await queue.ClaimNextAsync(stoppingToken);
                if (work is null)
                {
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                    continue;
                }

                await runner.RunLeasedAsync(work, stoppingToken);
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
}
