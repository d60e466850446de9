using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>The engine on PostgreSQL: pooled contexts on prepared statements, row locks instead of a write gate, an advisory start-up lock.</summary>
internal sealed class PostgresEngineProvider(DatabaseOptions options) : EngineProvider
{
    // Any constant shared by all hosts; "sleek" in ASCII.
    private const long StartupLockKey = 0x736C65656B;

    private readonly PooledDbContextFactory<PostgresEngineDbContext> _contexts = new(
        new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql(WithAutoPrepare(options.PostgresConnectionString!)).Options);

    public override DatabaseProvider Kind => DatabaseProvider.Postgres;

    public override string Name => "PostgreSQL";

    public override bool SingleWriter => false;

    public override string SharedConnectionString => options.PostgresConnectionString!;

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override EngineDbContext CreateContext() => _contexts.CreateDbContext();

    public override IBurstStore CreateBurstStore(EngineDb engineDb) => new PostgresBurstStore(engineDb);

    /// <summary>
    /// A session advisory lock held until disposed: of hosts starting at the same time on one database, the second
    /// finds the first one's migrations and imports done instead of colliding with them.
    /// </summary>
    public override async Task<IAsyncDisposable> StartupLockAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(options.PostgresConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The engine runs the same few statements for every burst: prepared once per connection, PostgreSQL
    /// parses and plans them once instead of every time (about a third of its work per burst). Its pooled
    /// connections are also not reset when given back (a reset is several statements, run for each of the
    /// five or so contexts a resume uses): the engine leaves no session state on them — no SET, LISTEN,
    /// temporary table or session lock (those use connections of their own), and Npgsql rolls back an
    /// unfinished transaction regardless. A connection string that sets <c>Max Auto Prepare</c> itself
    /// (0 turns it off, e.g. behind a pooler without prepared-statement support) is kept as it is.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString;
    }

    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session would release the lock anyway (also when the host dies holding it).
                await connection.DisposeAsync();
            }
        }
    }
}
