namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>
/// Keeps the embedded SQLite mode to one process: an exclusive lock on <c>&lt;db&gt;.lock</c> next to
/// the database file, held for the host's lifetime. Two processes on one SQLite file would each run
/// workers that only this process's writer lock coordinates; the second is refused at start-up
/// instead. The operating system releases the lock when the process dies, so a crash never leaves
/// a stale lock behind. Does nothing on PostgreSQL.
/// </summary>
public sealed class SqliteProcessLock(DatabaseOptions options) : IDisposable
{
    private readonly Lock _gate = new();
    private FileStream? _held;

    /// <summary>The lock file: the SQLite file's path plus <c>.lock</c>.</summary>
    public string LockPath => Path.GetFullPath(options.SqlitePath) + ".lock";

    /// <summary>
    /// Takes the lock (again a no-op when held or on PostgreSQL). Throws
    /// <see cref="InvalidOperationException"/> with what to do when another process holds it.
    /// </summary>
    public void Acquire()
    {
        if (options.UsePostgres)
        {
            return;
        }

        lock (_gate)
        {
            if (_held is not null)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Unix, a share mode on Windows), also between processes.
                _held = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException(
                    $"Another process already uses the SQLite database {Path.GetFullPath(options.SqlitePath)}: its lock file {LockPath} is held. " +
                    "SQLite mode is for one host process only. Stop the other process (or give this one its own Sleek__DataDirectory), " +
                    "or use PostgreSQL (set ConnectionStrings__Sleek) to run several hosts on one database.",
                    ex);
            }

            var holder = System.Text.Encoding.UTF8.GetBytes($"{Environment.MachineName}:{Environment.ProcessId} since {DateTime.UtcNow:O}\n");
            _held.SetLength(0);
            _held.Write(holder);
            _held.Flush();
        }
    }

    /// <summary>Releases the lock (the file stays; only the lock matters).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _held?.Dispose();
            _held = null;
        }
    }
}
