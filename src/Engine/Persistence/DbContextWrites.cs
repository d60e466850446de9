using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The one way to write through any context of the database (engine, marketplace, security), so that no caller
/// enters the SQLite write gate by hand:
/// <list type="bullet">
/// <item><c>await db.WriteAsync(ct)</c> saves the tracked changes (one implicit transaction);</item>
/// <item><c>await db.WriteAsync(ct => query.ExecuteUpdateAsync(…, ct), ct)</c> runs one set-based statement;</item>
/// <item><c>await using var write = await db.BeginWriteAsync(ct)</c> … <c>await write.CommitAsync(ct)</c> spans reads
/// and writes that must see one state (read, check, change).</item>
/// </list>
/// A context enlisted in a burst's transaction (<see cref="ProviderContextFactory{TContext}.CreateContext(Activities.BurstTransaction)"/>)
/// writes without the gate: the burst holds it already, and commits for everyone.
/// </summary>
public static class DbContextWrites
{
    /// <summary>Begins a write transaction: enters the gate, begins a transaction. Dispose the result; commit to keep the changes.</summary>
    public static Task<DbWrite> BeginWriteAsync(this DbContext db, CancellationToken cancellationToken) =>
        DbWrite.BeginAsync(db, cancellationToken);

    /// <summary>Saves the tracked changes inside the gate; returns the rows written.</summary>
    public static Task<int> WriteAsync(this DbContext db, CancellationToken cancellationToken) =>
        db.WriteAsync(db.SaveChangesAsync, cancellationToken);

    /// <summary>Runs <paramref name="work"/> (migrations, a seed that saves itself) inside the gate.</summary>
    public static Task WriteAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct =>
            {
                await work(ct);
                return true;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="statement"/> (an <c>ExecuteUpdate</c>, <c>ExecuteDelete</c> or raw SQL write) inside the gate.</summary>
    public static async Task<T> WriteAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> statement, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Enlisted: the transaction's owner entered the gate (entering again would wait for ourselves).
            return await statement(cancellationToken);
        }

        using var gate = await WriteGate.Of(db).EnterAsync(cancellationToken);
        return await statement(cancellationToken);
    }
}
