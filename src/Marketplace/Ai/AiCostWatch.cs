using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Ai;

/// <summary>
/// After each AI call: sums the last hour's <see cref="AiUsage"/> rows with <see cref="AiCostMonitor"/>;
/// above the warning threshold logs a warning, above the alert threshold logs an error and records one
/// ops email per clock hour in the outbox (idempotency key <c>ai-cost-alert:yyyyMMddHH</c>, template
/// <see cref="AlertTemplate"/>).
/// </summary>
public sealed class AiCostWatch(AiCostMonitor monitor, EmailTemplates templates, MarketplaceOptions marketplace)
{
    /// <summary>The template of the ops alert email.</summary>
    public const string AlertTemplate = "ai-cost-alert";

    /// <summary>The idempotency key of the alert for the hour of <paramref name="now"/>: one email per hour at most.</summary>
    public static string AlertKey(DateTime now) => "ai-cost-alert:" + now.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>Checks the hour before <paramref name="now"/> in <paramref name="db"/>'s transaction (which sees the row just written).</summary>
    public async Task<AiCostStatus> CheckAsync(MarketplaceDbContext db, DateTime now, ILogger logger, CancellationToken cancellationToken)
    {
        var from = now - AiCostMonitor.Window;
        // Rows, not SUM(): SQLite stores money as scaled integers, and an hour holds few calls.
        var rows = await db.AiUsage.AsNoTracking().Where(u => u.At > from).Select(u => new { u.At, u.CostUsd }).ToListAsync(cancellationToken);
        var status = monitor.Evaluate(rows.Select(r => new AiCostEntry(new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)), r.CostUsd)), new DateTimeOffset(now));
        switch (status.Level)
        {
            case AiCostLevel.Warning:
                logger.LogWarning("AI cost warning: {LastHourUsd:0.00} USD in the last hour ({Calls} calls), above {WarnPerHourUsd} USD per hour", status.LastHourUsd, status.Calls, monitor.WarnPerHourUsd);
                break;
            case AiCostLevel.Alert:
                logger.LogError("AI cost alert: {LastHourUsd:0.00} USD in the last hour ({Calls} calls), above {AlertPerHourUsd} USD per hour; check the AI usage (table ai_usage) and Ai:Model, or unset Ai:Endpoint to stop AI text", status.LastHourUsd, status.Calls, monitor.AlertPerHourUsd);
                await RecordAlertEmailAsync(db, now, status, logger, cancellationToken);
                break;
        }

        return status;
    }

    private async Task RecordAlertEmailAsync(MarketplaceDbContext db, DateTime now, AiCostStatus status, ILogger logger, CancellationToken cancellationToken)
    {
        RenderedEmail content;
        try
        {
            content = templates.Render(AlertTemplate, new JsonObject
            {
                ["LastHourUsd"] = status.LastHourUsd,
                ["Calls"] = (long)status.Calls,
                ["AlertPerHourUsd"] = monitor.AlertPerHourUsd,
                ["Hour"] = now.ToString("yyyy-MM-dd HH:00 'UTC'", CultureInfo.InvariantCulture),
            });
        }
        catch (Exception ex)
        {
            // The alert is in the log already; a missing or broken template must not fail the quote.
            logger.LogError(ex, "AI cost alert email could not be rendered: {Message}", ex.Message);
            return;
        }

        var to = EmailRecipients.Resolve(EmailRecipients.Ops, marketplace) ?? marketplace.OpsEmail;
        await EmailOutbox.EnqueueAsync(db, new EmailMessage
        {
            IdempotencyKey = AlertKey(now),
            Template = AlertTemplate,
            To = to,
            Subject = content.Subject,
            HtmlBody = content.HtmlBody,
            TextBody = content.TextBody,
            CreatedAt = now,
        }, cancellationToken);
    }
}
