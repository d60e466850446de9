using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// One write transaction of a context: the write gate (see <see cref="WriteGate"/>) entered, then a transaction
/// begun. <see cref="CommitAsync"/> saves the context's tracked changes and commits; disposing without it rolls
/// back. The gate is left only after the transaction ended. Begin one with <see cref="DbContextWrites.BeginWriteAsync"/>.
/// </summary>
public sealed class DbWrite : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly WriteGate _gate;
    private readonly IDisposable _entered;
    private readonly IDbContextTransaction _transaction;

    private DbWrite(DbContext db, WriteGate gate, IDisposable entered, IDbContextTransaction transaction)
    {
        _db = db;
        _gate = gate;
        _entered = entered;
        _transaction = transaction;
    }

    /// <summary>The transaction, for work on the same connection outside EF (a batch, another context enlisted with <c>UseTransaction</c>).</summary>
    public DbTransaction Transaction => _transaction.GetDbTransaction();

    /// <summary>Saves the tracked changes and commits.</summary>
    /// <exception cref="CommitOutcomeUnknownException">The connection broke during the <c>COMMIT</c> itself.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _db.SaveChangesAsync(cancellationToken);
        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsConnectionLost(ex))
        {
            // Not "failed": the server may have committed and only its answer was lost (docs/architecture.md, "Outages").
            throw new CommitOutcomeUnknownException(ex);
        }
    }

    /// <summary>
    /// Serializes the rest of this transaction with every other that locks the same <paramref name="key"/>, across
    /// hosts (a check-then-insert that must not run twice at once, such as creating the first admin): a
    /// transaction-scoped advisory lock on PostgreSQL, nothing more on SQLite, whose gate admits one writer anyway.
    /// </summary>
    public Task LockAsync(long key, CancellationToken cancellationToken) => _gate.LockAsync(_db, key, cancellationToken);

    /// <summary>Ends the transaction without keeping anything (disposing does the same).</summary>
    public Task RollbackAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolls back unless committed (or ended by a COMMIT the caller sent itself).
            await _transaction.DisposeAsync();
        }
        finally
        {
            _entered.Dispose();
        }
    }

    internal static async Task<DbWrite> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} already takes part in a transaction (a burst's, or one begun by hand); its owner commits it, so begin no write of its own on it");
        }

        var gate = WriteGate.Of(db);
        var entered = await gate.EnterAsync(cancellationToken);
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new DbWrite(db, gate, entered, transaction);
        }
        catch
        {
            entered.Dispose();
            throw;
        }
    }
}
