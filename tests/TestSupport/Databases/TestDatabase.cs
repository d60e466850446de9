namespace Sleek.Workflows.TestSupport.Databases;

/// <summary>
/// One fresh database per test class (an xunit class fixture), on PostgreSQL or SQLite; every host
/// a test class starts uses it, so state survives from one host to the next as in production.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>The provider name the host reports in /health.</summary>
    public abstract string Provider { get; }

    /// <summary>The value of <c>ConnectionStrings:Sleek</c>: an Npgsql connection string, or empty for SQLite.</summary>
    public string ConnectionString { get; protected set; } = "";

    /// <summary><c>Sleek:DataDirectory</c>: the SQLite file lives here; also outbox and keys.</summary>
    public string DataDirectory { get; } = TempDirectory.Create("data");

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync()
    {
        TempDirectory.Delete(DataDirectory);
        return Task.CompletedTask;
    }
}
