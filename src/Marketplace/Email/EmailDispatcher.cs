using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Sends the outbox: every <see cref="EmailDispatchOptions.PollIntervalSeconds"/> it takes the pending
/// rows that are due, claims each with a conditional UPDATE that sets a lease (so several hosts on one
/// PostgreSQL never take the same row; on SQLite the claim is a write like any other, one at a time), sends it
/// through the <see cref="IEmailTransport"/> and marks it sent right after the send succeeded. A failed
/// send waits with doubling backoff; after <see cref="EmailDispatchOptions.MaxAttempts"/> the row is
/// marked failed and an error is logged saying what to check.
/// </summary>
/// <remarks>
/// Exactly-once-ish: a host that dies between the send and the "sent" update sends the row again once its
/// lease has run out. That second copy carries the same Message-Id (derived from the idempotency key), so
/// mail systems can recognise it; the .eml outbox skips a key it already wrote.
/// </remarks>
public sealed class EmailDispatcher(
    MarketplaceDb marketplaceDb,
    IEmailTransport transport,
    EmailDispatchOptions options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private const int MaxErrorLength = 2000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.PollIntervalSeconds, 0.01, 3600));
        logger.LogInformation("Email dispatcher sends through {Transport}, checking the outbox every {Interval} s", transport.Description, interval.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be restarting: keep going, the rows wait.
                logger.LogWarning(ex, "Email dispatcher could not read the outbox: {Message}; trying again", ex.Message);
            }

            if (handled < options.BatchSize)
            {
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: claims and sends the due rows (at most a batch); returns how many it took.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = marketplaceDb.CreateContext())
        {
            due = await db.EmailMessages
                .Where(e => e.Status == EmailStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
                .OrderBy(e => e.CreatedAt)
                .Select(e => e.Id)
                .Take(Math.Max(1, options.BatchSize))
                .ToListAsync(cancellationToken);
        }

        var taken = 0;
        foreach (var id in due)
        {
            var message = await TryClaimAsync(id, cancellationToken);
            if (message is not null)
            {
                taken++;
                await SendAsync(message, cancellationToken);
            }
        }

        return taken;
    }

    // The conditional UPDATE is the claim: of two dispatchers that saw the row, only one changes it.
    private async Task<EmailMessage?> TryClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? leaseUntil = now.AddSeconds(options.LeaseSeconds);
        await using var db = marketplaceDb.CreateContext();
        return await db.WriteAsync(
            async ct =>
            {
                var claimed = await db.EmailMessages
                    .Where(e => e.Id == id && e.Status == EmailStatus.Pending && (e.NextAttemptAt == null || e.NextAttemptAt <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, leaseUntil).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
                return claimed == 1 ? await db.EmailMessages.AsNoTracking().SingleAsync(e => e.Id == id, ct) : null;
            },
            cancellationToken);
    }

    private async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(new OutgoingEmail(message.IdempotencyKey, message.To, message.Subject, message.HtmlBody, message.TextBody), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: the lease runs out and the row is sent again (same Message-Id).
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(message, ex);
            return;
        }

        // Not cancellable: a send that went out must be recorded even while the host stops.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await UpdateAsync(message.Id, s => s
            .SetProperty(e => e.Status, EmailStatus.Sent)
            .SetProperty(e => e.SentAt, sentAt)
            .SetProperty(e => e.NextAttemptAt, (DateTime?)null)
            .SetProperty(e => e.Error, (string?)null));
        logger.LogInformation("Email {EmailId} ({Template}) sent to {To} through {Transport}", message.Id, message.Template, message.To, transport.Description);
    }

    private async Task RecordFailureAsync(EmailMessage message, Exception ex)
    {
        var error = ex.Message.Length > MaxErrorLength ? ex.Message[..MaxErrorLength] : ex.Message;
        if (message.Attempts >= options.MaxAttempts)
        {
            await UpdateAsync(message.Id, s => s
                .SetProperty(e => e.Status, EmailStatus.Failed)
                .SetProperty(e => e.NextAttemptAt, (DateTime?)null)
                .SetProperty(e => e.Error, error));
            logger.LogError(
                ex,
                "Email {EmailId} ({Template}) to {To} could not be sent after {Attempts} attempts and is given up: {Error}. Check the mail server {Transport} "
                + "(Smtp:Host, Smtp:Port, Smtp:Security, Smtp:User/Password, whether it accepts mail from Smtp:From) and the address; "
                + "to send it again set its row in email_messages back to status 'pending'",
                message.Id, message.Template, message.To, message.Attempts, error, transport.Description);
            return;
        }

        DateTime? next = clock.GetUtcNow().UtcDateTime + options.RetryDelay(message.Attempts);
        await UpdateAsync(message.Id, s => s.SetProperty(e => e.NextAttemptAt, next).SetProperty(e => e.Error, error));
        logger.LogWarning(
            "Email {EmailId} ({Template}) to {To}: attempt {Attempt} of {MaxAttempts} failed ({Error}); next try at {NextAttemptAt:O}",
            message.Id, message.Template, message.To, message.Attempts, options.MaxAttempts, error, next);
    }

    private async Task UpdateAsync(Guid id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<EmailMessage>> setters)
    {
        await using var db = marketplaceDb.CreateContext();
        await db.WriteAsync(ct => db.EmailMessages.Where(e => e.Id == id).ExecuteUpdateAsync(setters, ct), CancellationToken.None);
    }
}
