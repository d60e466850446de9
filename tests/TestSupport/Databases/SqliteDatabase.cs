using Microsoft.Data.Sqlite;

namespace Sleek.Workflows.TestSupport.Databases;

/// <summary>A temporary SQLite file (sleek.db in the data directory) for one test class.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    public override string Provider => "SQLite";

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}
