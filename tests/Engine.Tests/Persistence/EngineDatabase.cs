using Microsoft.Data.Sqlite;
using Npgsql;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Tests.Persistence;

/// <summary>
/// A fresh engine database for one test class (an xunit class fixture), migrated: a SQLite file in a temp folder, or a
/// database <c>sleek_engine_test_&lt;guid&gt;</c> on the PostgreSQL server <c>SLEEK_TEST_POSTGRES</c> names
/// (./test.sh starts a throwaway one and sets it), dropped after the class.
/// </summary>
public abstract class EngineDatabase : IAsyncLifetime
{
    /// <summary>The engine's database.</summary>
    public EngineDb Db { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Db = new EngineDb(await CreateAsync());
        await Db.MigrateAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync()
    {
        Db.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates the empty database and says how to reach it.</summary>
    protected abstract Task<DatabaseOptions> CreateAsync();
}

/// <summary>A SQLite file in a temp folder.</summary>
public sealed class SqliteEngineDatabase : EngineDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sleek-engine-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }

    /// <inheritdoc />
    protected override Task<DatabaseOptions> CreateAsync() =>
        Task.FromResult(new DatabaseOptions { SqlitePath = Path.Combine(_folder, "sleek.db") });
}

/// <summary>A database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresEngineDatabase : EngineDatabase
{
    private const string Variable = "SLEEK_TEST_POSTGRES";
    private readonly string _name = $"sleek_engine_test_{Guid.NewGuid():N}";
    private string? _admin;

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_admin is not null)
        {
            // FORCE: pooled connections may still be open.
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    /// <inheritdoc />
    protected override async Task<DatabaseOptions> CreateAsync()
    {
        _admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"These tests need a real PostgreSQL. Run ./test.sh (it starts a throwaway server), or set {Variable} to an Npgsql " +
                "connection string of a server where the tests may CREATE/DROP DATABASE (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
        await ExecuteAsync($"CREATE DATABASE {_name}");
        return new DatabaseOptions { PostgresConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString };
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
