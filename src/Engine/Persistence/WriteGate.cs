using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Persistence.Sqlite;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// What a write transaction enters first. SQLite takes one writer at a time, and a second writer that starts a
/// transaction meanwhile fails with "database is locked" rather than waiting its turn, so every writer of one SQLite
/// file in this process queues here (<see cref="SqliteWriteGate"/>). PostgreSQL locks rows itself: its gate lets
/// everyone through. Callers do not enter it by hand: <see cref="DbContextWrites.BeginWriteAsync"/> and
/// <see cref="DbContextWrites.WriteAsync(DbContext, CancellationToken)"/> do.
/// </summary>
public abstract class WriteGate
{
    /// <summary>The gate of PostgreSQL: enters at once.</summary>
    public static WriteGate None { get; } = new NoGate();

    /// <summary>Waits for the gate; disposing the result leaves it.</summary>
    public abstract ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);

    /// <summary>The gate of the database a context writes to.</summary>
    public static WriteGate Of(DbContext db) =>
        db.Database.IsSqlite() ? SqliteWriteGate.ForConnectionString(db.Database.GetConnectionString()!) : None;

    private sealed class NoGate : WriteGate, IDisposable
    {
        public override ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(this);

        public void Dispose()
        {
        }
    }
}
