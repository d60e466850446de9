using Npgsql;

namespace Sleek.Workflows.TestSupport.Databases;

/// <summary>A database <c>sleek_test_&lt;guid&gt;</c> created for one test class and dropped after it.</summary>
public sealed class PostgresDatabase : TestDatabase
{
    private string? _admin;
    private string? _name;

    public override string Provider => "PostgreSQL";

    public override async Task InitializeAsync()
    {
        _admin = await PostgresServer.AdminConnectionStringAsync();
        _name = $"sleek_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        if (_admin is not null && _name is not null)
        {
            // FORCE: pooled connections of the hosts may still be open.
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }

        await base.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
