using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Marketplace.Persistence;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// Writes emails into the outbox table (<see cref="EmailMessage"/>): once per idempotency key, in the
/// caller's transaction. The <see cref="EmailDispatcher"/> sends them after that transaction commits.
/// </summary>
public static class EmailOutbox
{
    /// <summary>
    /// Inserts <paramref name="message"/> unless a row with its idempotency key exists (a retry of the same
    /// step), and returns the row that now stands for the key and whether this call inserted it. The insert is
    /// <c>ON CONFLICT DO NOTHING</c> (PostgreSQL, and SQLite ≥ 3.24), so two transactions racing for one key (two
    /// quotes raising the same hourly alert) never fail: the one that loses inserts nothing and reads the winner's row.
    /// </summary>
    public static async Task<(EmailMessage Message, bool Inserted)> EnqueueAsync(MarketplaceDbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(db, message.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        message.Status = EmailStatus.Pending;
        return await InsertUnlessKeyExistsAsync(db, message, cancellationToken)
            ? (message, true)
            : (await FindAsync(db, message.IdempotencyKey, cancellationToken) ?? throw new InvalidOperationException($"email '{message.IdempotencyKey}' was neither inserted nor found"), false);
    }

    private static Task<EmailMessage?> FindAsync(MarketplaceDbContext db, string key, CancellationToken cancellationToken) =>
        db.EmailMessages.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == key, cancellationToken);

    /// <summary>True when this call inserted the row; false when a row with its key was there (nothing written, the transaction goes on).</summary>
    private static async Task<bool> InsertUnlessKeyExistsAsync(MarketplaceDbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        var status = SnakeCaseEnumConverter<EmailStatus>.ToStored(message.Status);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO email_messages (id, idempotency_key, template, "to", subject, html_body, text_body, status, attempts, created_at, quote_id, order_id)
            VALUES ({message.Id}, {message.IdempotencyKey}, {message.Template}, {message.To}, {message.Subject}, {message.HtmlBody}, {message.TextBody},
                    {status}, 0, {message.CreatedAt}, {message.QuoteId}, {message.OrderId})
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }
}
