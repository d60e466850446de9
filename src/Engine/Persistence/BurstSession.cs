using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// The database side of one burst (or of one queued-path write): a context, the write gate and a transaction,
/// begun by <see cref="IBurstStore.BeginAsync"/>. Everything the burst does goes through the store in this session,
/// and <see cref="IBurstStore.CommitAsync"/> ends it; disposing it without a commit rolls everything back (also what
/// the burst's activities wrote through <see cref="Transaction"/>) and leaves the gate.
/// </summary>
public sealed class BurstSession : IAsyncDisposable
{
    private BurstTransaction? _transaction;

    internal BurstSession(EngineDbContext db, DbWrite write, DatabaseProvider provider)
    {
        Db = db;
        Write = write;
        Provider = provider;
    }

    /// <summary>The transaction, for activities that write records of their own in it.</summary>
    public BurstTransaction Transaction => _transaction ??= new BurstTransaction(Db.Database.GetDbConnection(), Write.Transaction, Provider);

    internal EngineDbContext Db { get; }

    internal DbWrite Write { get; }

    internal DatabaseProvider Provider { get; }

    /// <summary>Saves what the session tracks (queued work, a parked item) and commits, for writes that are not a burst's rows.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => Write.CommitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Write.DisposeAsync();
        }
        finally
        {
            await Db.DisposeAsync();
        }
    }
}
