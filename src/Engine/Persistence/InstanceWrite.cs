using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// One write to one instance: a context, the SQLite write gate, a transaction and the instance loaded for
/// update (its row locked until the end on PostgreSQL). Commit with <see cref="CommitAsync"/>; disposing
/// without it rolls everything back and releases the gate. Made by <see cref="EngineDb.WriteInstanceAsync"/>.
/// </summary>
public sealed class InstanceWrite : IAsyncDisposable
{
    private readonly IDisposable _gate;
    private readonly IDbContextTransaction _transaction;

    private InstanceWrite(EngineDbContext db, IDisposable gate, IDbContextTransaction transaction, WorkflowInstanceRecord? instance)
    {
        Db = db;
        _gate = gate;
        _transaction = transaction;
        Instance = instance;
    }

    /// <summary>The context the write uses (tracked changes are saved by <see cref="CommitAsync"/>).</summary>
    public EngineDbContext Db { get; }

    /// <summary>The instance, tracked; null when it does not exist.</summary>
    public WorkflowInstanceRecord? Instance { get; }

    /// <summary>The transaction, for activities that write their own records in it.</summary>
    public IDbContextTransaction Transaction => _transaction;

    /// <summary>Saves the tracked changes and commits.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends the transaction without keeping anything (disposing does the same).</summary>
    public Task RollbackAsync(CancellationToken cancellationToken) => _transaction.RollbackAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolls back unless committed; the gate is released only after the transaction ended.
            await _transaction.DisposeAsync();
            await Db.DisposeAsync();
        }
        finally
        {
            _gate.Dispose();
        }
    }

    internal static async Task<InstanceWrite> BeginAsync(EngineDb engineDb, Guid instanceId, CancellationToken cancellationToken)
    {
        var db = engineDb.CreateContext();
        IDisposable? gate = null;
        IDbContextTransaction? transaction = null;
        try
        {
            gate = await engineDb.WriteGateAsync(cancellationToken);
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var instance = await db.LoadInstanceForUpdateAsync(instanceId, cancellationToken);
            return new InstanceWrite(db, gate, transaction, instance);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await db.DisposeAsync();
            gate?.Dispose();
            throw;
        }
    }
}
