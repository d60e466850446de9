using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sleek.Workflows.Engine;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>A throwaway database <c>sleek_bench_&lt;guid&gt;</c> on the given server, dropped on dispose.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name, int poolSize)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = poolSize }.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server, int poolSize)
    {
        var database = new BenchDatabase(server, $"sleek_bench_{Guid.NewGuid():N}", poolSize);
        await ExecuteAsync(server, $"CREATE DATABASE {database.Name}");
        if (CpuMeter.Postmaster is null)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
            CpuMeter.FindPostmaster((int)(await command.ExecuteScalarAsync())!);
        }

        return database;
    }

    /// <summary>An in-process engine on this database (no background workers: the callers run every burst), migrated, with these definitions published.</summary>
    public async Task<ServiceProvider> StartEngineAsync(params JsonObject[] definitions)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSleekEngine(o =>
            {
                o.Database.PostgresConnectionString = ConnectionString;
                o.RunWorkers = false;
            })
            .BuildServiceProvider();
        await services.GetRequiredService<EngineDb>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<DefinitionStore>();
        foreach (var definition in definitions)
        {
            var published = await store.PublishAsync(definition, "bench", CancellationToken.None);
            if (published.Status != OperationStatus.Created)
            {
                throw new InvalidOperationException($"could not publish benchmark workflow {definition["definitionId"]}: {published.Message}");
            }
        }

        return services;
    }

    /// <summary>Runs SQL on this database.</summary>
    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    /// <summary>The first column of the first row of a query on this database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
