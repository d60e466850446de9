using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.TestSupport.Databases;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// A fresh engine database for one test class (an xunit class fixture), migrated: one of TestSupport's throwaway
/// databases, a SQLite file in a temp folder or a database of its own on the test PostgreSQL server
/// (<see cref="PostgresServer"/>: ./test.sh starts a throwaway one), dropped after the class.
/// </summary>
public abstract class EngineDatabase(TestDatabase database) : IAsyncLifetime
{
    /// <summary>The engine's database.</summary>
    public EngineDb Db { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        // As the host reads it: a connection string means PostgreSQL, none the SQLite file in the data folder.
        Db = new EngineDb(database.ConnectionString.Length > 0
            ? new DatabaseOptions { PostgresConnectionString = database.ConnectionString }
            : new DatabaseOptions { SqlitePath = Path.Combine(database.DataDirectory, "sleek.db") });
        await Db.MigrateAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Db.Dispose();
        await database.DisposeAsync();
    }
}

/// <summary>A SQLite file in a temp folder.</summary>
public sealed class SqliteEngineDatabase() : EngineDatabase(new SqliteDatabase());

/// <summary>A database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresEngineDatabase() : EngineDatabase(new PostgresDatabase());
