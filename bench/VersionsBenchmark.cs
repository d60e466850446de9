using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (g) Does history slow the live path? The latency of running a short workflow (start → 3 steps → end, one client, one
/// burst) with 1 published version and 1,000 completed instances stored, then again after 500 versions of the same
/// definition are published and 1,000,000 completed instances (with their journals) are stored.
/// </summary>
internal static class VersionsBenchmark
{
    private const string DefinitionId = "bench-versions";
    private const int Runs = 2000;

    public static async Task RunAsync(string server, BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(server, 20);
        await using var services = await database.StartEngineAsync(Versioned(1));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        Console.WriteLine();
        Console.WriteLine($"(g) run latency against stored history: 1 client, {Runs:N0} runs of start → 3 SetVariable → End, database {database.Name}");

        await RunManyAsync(runtime, 1000); // the 1,000 completed instances, and the warm-up
        var (small, smallTrips) = await MeasuredLatenciesAsync(database, runtime);

        var seeding = Stopwatch.StartNew();
        var store = services.GetRequiredService<DefinitionStore>();
        for (var version = 2; version <= options.Versions; version++)
        {
            var published = await store.PublishAsync(Versioned(version), "bench", CancellationToken.None);
            if (published.Status != OperationStatus.Created)
            {
                throw new InvalidOperationException($"version {version} was not published: {published.Message}");
            }
        }

        var stored = await database.ScalarAsync<long>("SELECT count(*) FROM workflow_instances");
        await CloneCompletedAsync(database, options.HistoryInstances - (int)stored);
        await database.ExecuteAsync("VACUUM ANALYZE");
        await database.ExecuteAsync("CHECKPOINT");
        var instances = await database.ScalarAsync<long>("SELECT count(*) FROM workflow_instances");
        var journal = await database.ScalarAsync<long>("SELECT count(*) FROM journal");
        Console.WriteLine($"  stored: {options.Versions} versions, {instances:N0} completed instances, {journal:N0} journal rows (seeded in {seeding.Elapsed.TotalSeconds:F0} s)");

        await RunManyAsync(runtime, 500); // the same warm-up after the seeding: caches, plans
        var (large, largeTrips) = await MeasuredLatenciesAsync(database, runtime);
        Console.WriteLine($"  1 version, 1,000 instances:            mean {small.Mean,6:F2} ms, p50 {small.P50,6:F2} ms, p99 {small.P99,6:F2} ms");
        Console.WriteLine($"  {options.Versions} versions, {instances,9:N0} instances:  mean {large.Mean,6:F2} ms, p50 {large.P50,6:F2} ms, p99 {large.P99,6:F2} ms");
        Console.WriteLine($"  large / small: mean {large.Mean / small.Mean:F2} ×, p99 {large.P99 / small.P99:F2} × (goal ≤ 1.2 ×); load average {LoadAverage.Read()}");
        // Where a difference comes from: the statements of one run, and their mean time, in each phase.
        Console.WriteLine($"  small, {smallTrips}");
        Console.WriteLine($"  large, {largeTrips}");
    }

    private static async Task<((double Mean, double P50, double P99) Latency, string Trips)> MeasuredLatenciesAsync(BenchDatabase database, WorkflowRuntime runtime)
    {
        using var roundTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
        var latency = await LatenciesAsync(runtime);
        return (latency, await roundTrips.DescribeAsync(Runs, inProcess: true));
    }

    /// <summary>The definition as version <paramref name="version"/>: each differs in one literal, as real edits would.</summary>
    private static System.Text.Json.Nodes.JsonObject Versioned(int version)
    {
        var definition = BenchDefinitions.Chain(DefinitionId, 3, javaScript: false);
        definition["version"] = version;
        definition["root"]!["activities"]![1]!["inputs"]!["value"] = version;
        return definition;
    }

    private static async Task RunManyAsync(WorkflowRuntime runtime, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RunOnceAsync(runtime);
        }
    }

    private static async Task<(double Mean, double P50, double P99)> LatenciesAsync(WorkflowRuntime runtime)
    {
        var latencies = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.GetTimestamp();
            await RunOnceAsync(runtime);
            latencies[i] = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return (latencies.Average(), latencies[Runs / 2], latencies[(int)(Runs * 0.99) - 1]);
    }

    private static async Task RunOnceAsync(WorkflowRuntime runtime)
    {
        var result = await runtime.StartAsync(new StartRequest(DefinitionId, null, null, null), CancellationToken.None);
        if (result.Value?.Status != WorkflowStatus.Completed)
        {
            throw new InvalidOperationException($"{DefinitionId} ended {result.Status} {result.Value?.Status}: {result.Message}");
        }
    }

    /// <summary>Clones one completed instance and its journal <paramref name="copies"/> times, spread over the last year.</summary>
    private static async Task CloneCompletedAsync(BenchDatabase database, int copies)
    {
        if (copies <= 0)
        {
            return;
        }

        var seed = await database.ScalarAsync<Guid>("SELECT id FROM workflow_instances ORDER BY created_at LIMIT 1");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // In slices, so one statement never holds millions of rows in memory and progress shows.
        const int Slice = 250_000;
        for (var done = 0; done < copies; done += Slice)
        {
            var size = Math.Min(Slice, copies - done);
            await RowCloner.ExecuteAsync(connection, $"""
                DROP TABLE IF EXISTS clones;
                CREATE TEMP TABLE clones AS
                    SELECT n, gen_random_uuid() AS instance_id, now() - random() * interval '365 days' AS at FROM generate_series(1, {size}) n;
                """);
            await RowCloner.CloneAsync(connection, "workflow_instances", "s.id = @seed", new()
            {
                ["id"] = "c.instance_id", ["created_at"] = "c.at", ["updated_at"] = "c.at",
            }, seed);
            await RowCloner.CloneAsync(connection, "journal", "s.instance_id = @seed", new() { ["instance_id"] = "c.instance_id" }, seed);
            Console.WriteLine($"    … {done + size:N0} of {copies:N0} completed instances cloned");
        }
    }
}
