using Microsoft.EntityFrameworkCore;
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
    /// step), and returns the row that now stands for the key and whether this call inserted it. On
    /// PostgreSQL the insert is <c>ON CONFLICT DO NOTHING</c>, so two transactions racing for one key (two
    /// quotes raising the same hourly alert) never fail; SQLite has one writer at a time anyway.
    /// </summary>
    public static async Task<(EmailMessage Message, bool Inserted)> EnqueueAsync(MarketplaceDbContext db, EmailMessage message, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(db, message.IdempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return (existing, false);
        }

        message.Status = EmailStatus.Pending;
        return await db.InsertEmailUnlessKeyExistsAsync(message, cancellationToken)
            ? (message, true)
            : (await FindAsync(db, message.IdempotencyKey, cancellationToken) ?? throw new InvalidOperationException($"email '{message.IdempotencyKey}' was neither inserted nor found"), false);
    }

    private static Task<EmailMessage?> FindAsync(MarketplaceDbContext db, string key, CancellationToken cancellationToken) =>
        db.EmailMessages.AsNoTracking().SingleOrDefaultAsync(e => e.IdempotencyKey == key, cancellationToken);
}
