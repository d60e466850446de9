using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>The engine in the embedded SQLite file: one process (<see cref="SqliteProcessLock"/>), one writer at a time (<see cref="SqliteWriteGate"/>), WAL mode.</summary>
internal sealed class SqliteEngineProvider : EngineProvider
{
    private readonly PooledDbContextFactory<SqliteEngineDbContext> _contexts;

    public SqliteEngineProvider(DatabaseOptions options)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // A busy timeout, so that readers wait out a checkpoint instead of failing.
        SharedConnectionString = new SqliteConnectionStringBuilder { DataSource = options.SqlitePath, Cache = SqliteCacheMode.Private, DefaultTimeout = 30 }.ToString();
        _contexts = new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite(SharedConnectionString).Options);
    }

    public override DatabaseProvider Kind => DatabaseProvider.Sqlite;

    public override string Name => "SQLite";

    public override bool SingleWriter => true;

    public override string SharedConnectionString { get; }

    // One writer at a time: the claim needs no lock clause.
    public override string SkipLockedClause => "";

    public override EngineDbContext CreateContext() => _contexts.CreateDbContext();

    public override IBurstStore CreateBurstStore(EngineDb engineDb) => new SqliteBurstStore(engineDb);

    public override Task AfterMigrateAsync(EngineDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
