using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Marketplace.Email;
using Sleek.Workflows.Marketplace.Orders;

namespace Sleek.Workflows.Marketplace.Persistence.Postgres;

/// <summary>The marketplace's tables on PostgreSQL.</summary>
public sealed class PostgresMarketplaceDbContext(DbContextOptions<PostgresMarketplaceDbContext> options) : MarketplaceDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => true;

    /// <summary>A context on a connection of its own.</summary>
    internal static PostgresMarketplaceDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .Options);

    /// <summary>A context on an open connection (a burst's).</summary>
    internal static PostgresMarketplaceDbContext Create(DbConnection connection) =>
        new(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>()
            .UseNpgsql(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable))
            .Options);

    /// <inheritdoc />
    /// <remarks>
    /// <c>FOR UPDATE</c>: the row stays locked until the caller's transaction ends, so a workflow burst and
    /// an ops action on the same order take turns instead of one failing on the order's version.
    /// </remarks>
    internal override Task<Order?> LoadOrderForUpdateAsync(Guid orderId, CancellationToken cancellationToken) =>
        Orders.FromSqlInterpolated($"SELECT * FROM orders WHERE id = {orderId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <c>ON CONFLICT DO NOTHING</c>: two transactions racing for one key (two quotes raising the same
    /// hourly alert) never fail; the one that loses inserts nothing.
    /// </remarks>
    internal override async Task<bool> InsertEmailUnlessKeyExistsAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var status = SnakeCaseEnumConverter<EmailStatus>.ToStored(message.Status);
        var inserted = await Database.ExecuteSqlAsync(
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
