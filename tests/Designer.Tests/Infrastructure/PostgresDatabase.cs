using Npgsql;

namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>
/// A database <c>sleek_designer_&lt;guid&gt;</c> on the server <c>SLEEK_TEST_POSTGRES</c> names (./test.sh starts a
/// throwaway one and sets it), created for one test class and dropped after it. Without the variable the tests fail
/// saying what to do: never a silent skip, never a fake.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "SLEEK_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name;

    private PostgresDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Connection string of the new database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"The designer's browser tests run the host on a real PostgreSQL. Run ./test.sh (it starts a throwaway server), or set {Variable} " +
                "to an Npgsql connection string of a server where the tests may CREATE/DROP DATABASE.");
        }

        var database = new PostgresDatabase(admin, $"sleek_designer_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)"); // FORCE: the host's pooled connections may still be open

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
