using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Identity;
using Sleek.Workflows.Host.Persistence;

namespace Sleek.Workflows.Host.RateLimits;

/// <summary>
/// Fixed-window counters in <c>rate_limit_counters</c>: one atomic <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>
/// per check (the same statement on PostgreSQL and SQLite ≥ 3.35), so every host on the database counts
/// together and counts survive restarts. Any failure propagates: the limiter turns it into 503.
/// </summary>
internal sealed class RateLimitCounterStore(SecurityDb securityDb)
{
    private const string Upsert =
        "INSERT INTO rate_limit_counters (partition_key, window_start, count, expires_at) VALUES (@key, @start, 1, @expires) " +
        "ON CONFLICT (partition_key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1 RETURNING count";

    private long _calls;

    /// <summary>Adds one to the partition's window and returns the new count.</summary>
    public async Task<long> IncrementAsync(string partitionKey, long windowStart, long windowEnd, CancellationToken cancellationToken)
    {
        await using var db = securityDb.CreateContext();
        return await db.WriteAsync(ct => CountAsync(db.Database.GetDbConnection(), partitionKey, windowStart, windowEnd, ct), cancellationToken);
    }

    private async Task<long> CountAsync(DbConnection connection, string partitionKey, long windowStart, long windowEnd, CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        long count;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Upsert;
            Add(command, "@key", partitionKey);
            Add(command, "@start", windowStart);
            Add(command, "@expires", windowEnd);
            count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        // Now and then, drop windows that ended (the index on expires_at keeps this cheap).
        if (Interlocked.Increment(ref _calls) % 500 == 1)
        {
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM rate_limit_counters WHERE expires_at < @now";
            Add(purge, "@now", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);
            await purge.ExecuteNonQueryAsync(cancellationToken);
        }

        return count;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
