using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sleek.Workflows.Engine;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (b) Durable steps on PostgreSQL: every start and every resume is a burst committed in its own
/// transaction (instance row, bookmarks, journal, work item). Runs in a throwaway database.
/// </summary>
internal static class DurableBenchmark
{
    public static async Task RunAsync(string serverConnectionString, BenchOptions options)
    {
        var database = $"sleek_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, MaxPoolSize = Math.Max(20, options.Concurrency * 2) }.ToString();
            await using var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddSleekEngine(o =>
                {
                    o.Database.PostgresConnectionString = connectionString;
                    o.RunWorkers = false;
                })
                .BuildServiceProvider();
            await services.GetRequiredService<EngineDb>().MigrateAsync(CancellationToken.None);
            var store = services.GetRequiredService<DefinitionStore>();
            var published = await store.PublishAsync(BenchDefinitions.WaitThenFinish("bench-wait"), "bench", CancellationToken.None);
            if (published.Status != OperationStatus.Created)
            {
                throw new InvalidOperationException($"could not publish the benchmark workflow: {published.Message}");
            }

            var runtime = services.GetRequiredService<WorkflowRuntime>();
            Console.WriteLine();
            Console.WriteLine($"(b) durable on PostgreSQL: {options.DurableInstances} instances, {options.Concurrency} concurrent clients, database {database}");

            var correlationIds = Enumerable.Range(0, options.DurableInstances).Select(i => $"bench-{i}").ToArray();
            var starts = await TimeAsync(correlationIds, options.Concurrency, async id =>
            {
                var result = await runtime.StartAsync(new StartRequest("bench-wait", null, id, null), CancellationToken.None);
                Expect(result.Value?.Status == WorkflowStatus.Suspended, $"start of {id} ended {result.Status} {result.Value?.Status}");
            });
            Print("start → run to first wait (1 burst: Start + WaitForEvent)", options.DurableInstances, starts, 2);

            var resumes = await TimeAsync(correlationIds, options.Concurrency, async id =>
            {
                var result = await runtime.PublishEventAsync("Go", id, null, CancellationToken.None);
                Expect(result.Value?.Resumed.Single().Status == WorkflowStatus.Completed, $"resume of {id} ended {result.Status}");
            });
            Print("event resume → complete (consume + 1 burst: resume, SetVariable, End)", options.DurableInstances, resumes, 3);
            var total = starts + resumes;
            Console.WriteLine($"  round trip start → wait → resume → complete: {options.DurableInstances / total.TotalSeconds,8:N0} instances/s ({total.TotalMilliseconds / options.DurableInstances * options.Concurrency:F2} ms per instance per client)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<TimeSpan> TimeAsync(string[] ids, int concurrency, Func<string, Task> action)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) => await action(id));
        return watch.Elapsed;
    }

    private static void Print(string label, int count, TimeSpan elapsed, int activitiesPerBurst) =>
        Console.WriteLine($"  {label}: {count / elapsed.TotalSeconds,8:N0} bursts/s, {count * activitiesPerBurst / elapsed.TotalSeconds,8:N0} activities/s");

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
