using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.Audit;

/// <summary>Writes queued audit entries in batches; retries a failed batch with backoff (entries are never dropped while the host runs) and drains the queue on shutdown.</summary>
internal sealed class AuditWriter(AuditLog log, SecurityDb securityDb, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(25);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEntry>(BatchSize);
        // Not stoppingToken: after Complete() the loop drains what is queued, then ends.
        while (await log.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (log.Reader.CanCount && log.Reader.Count < BatchSize)
            {
                // Under load entries arrive one request at a time: waiting a moment for more writes them in one
                // insert and commit instead of one each (bench (d): server commits per resume 1.1–1.3 → 1.0–1.1, the burst's own included).
                await Task.Delay(Linger, CancellationToken.None);
            }

            while (batch.Count < BatchSize && log.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteAsync(batch, stoppingToken);
            log.Done(batch.Count);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = securityDb.CreateContext();
                db.AuditLog.AddRange(batch);
                await db.WriteAsync(CancellationToken.None);
                return;
            }
            catch (Exception ex)
            {
                if (stoppingToken.IsCancellationRequested && attempt >= 3)
                {
                    foreach (var entry in batch)
                    {
                        logger.LogError("Audit entry lost at shutdown: {Action} ({Outcome}) by {Actor} on {Target} at {At}", entry.Action, entry.Outcome.ToName(), entry.Actor, entry.Target, entry.At);
                    }

                    return;
                }

                // The next attempt adds the same entries to a fresh context.
                logger.LogError(ex, "Could not write {Count} audit entries (attempt {Attempt}); retrying", batch.Count, attempt);

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * attempt * attempt)), CancellationToken.None);
            }
        }
    }
}
