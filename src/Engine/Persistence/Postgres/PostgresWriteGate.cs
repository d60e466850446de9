using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence.Postgres;

/// <summary>
/// PostgreSQL's write gate: lets every writer through at once (the database locks rows itself), and serializes
/// sections that must not run twice at once across hosts with a transaction-scoped advisory lock.
/// </summary>
public sealed class PostgresWriteGate : WriteGate, IDisposable
{
    private PostgresWriteGate()
    {
    }

    /// <summary>The one instance.</summary>
    public static PostgresWriteGate Instance { get; } = new();

    /// <inheritdoc />
    public override ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(this);

    /// <inheritdoc />
    /// <remarks><c>pg_advisory_xact_lock</c>: held until the transaction ends, also when the host dies in it.</remarks>
    public override Task LockAsync(DbContext db, long key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);

    /// <summary>Leaving the gate: nothing to do.</summary>
    public void Dispose()
    {
    }
}
