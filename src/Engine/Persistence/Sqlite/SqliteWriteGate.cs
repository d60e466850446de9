using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>
/// SQLite's single writer, as a process-wide semaphore per database file: every write transaction of this process
/// on the file (engine, marketplace and security contexts alike) waits here for its turn instead of failing on the
/// file lock. Other processes are kept off the file by <see cref="SqliteProcessLock"/>.
/// </summary>
public sealed class SqliteWriteGate : WriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> ByConnectionString = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writer = new(1, 1);

    private SqliteWriteGate()
    {
    }

    /// <summary>The gate of the SQLite file at <paramref name="path"/> (relative paths are taken from the current directory).</summary>
    public static SqliteWriteGate For(string path) =>
        Gates.GetOrAdd(path is ":memory:" or "" ? path : Path.GetFullPath(path), _ => new SqliteWriteGate());

    /// <summary>
    /// The gate of the file a connection string names. From the configured string, not from an open connection: SQLite
    /// reports an open file under its resolved path, which may differ from the configured one (a symbolic link).
    /// </summary>
    public static SqliteWriteGate ForConnectionString(string connectionString) =>
        ByConnectionString.GetOrAdd(connectionString, s => For(new SqliteConnectionStringBuilder(s).DataSource));

    /// <inheritdoc />
    public override async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Held(_writer);
    }

    /// <inheritdoc />
    /// <remarks>Nothing to do: the transaction holds the gate, so it is the only writer of the file already.</remarks>
    public override Task LockAsync(DbContext db, long key, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Held(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
