using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence.Postgres;
using Sleek.Workflows.Engine.Persistence.Sqlite;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// What a write transaction enters first. SQLite takes one writer at a time, and a second writer that starts a
/// transaction meanwhile fails with "database is locked" rather than waiting its turn, so every writer of one SQLite
/// file in this process queues here (<see cref="SqliteWriteGate"/>). PostgreSQL locks rows itself: its gate lets
/// everyone through (<see cref="PostgresWriteGate"/>). Callers do not enter it by hand: <see cref="DbContextWrites.BeginWriteAsync"/> and
/// <see cref="DbContextWrites.WriteAsync(DbContext, CancellationToken)"/> do.
/// </summary>
public abstract class WriteGate
{
    /// <summary>Waits for the gate; disposing the result leaves it.</summary>
    public abstract ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Serializes the rest of a write transaction of <paramref name="db"/> with every other that locks the same
    /// <paramref name="key"/>, in any process, until it ends (see <see cref="DbWrite.LockAsync"/>).
    /// </summary>
    public abstract Task LockAsync(DbContext db, long key, CancellationToken cancellationToken);

    /// <summary>The gate of the database a context writes to.</summary>
    public static WriteGate Of(DbContext db) =>
        db.Database.IsSqlite() ? SqliteWriteGate.ForConnectionString(db.Database.GetConnectionString()!) : PostgresWriteGate.Instance;
}
