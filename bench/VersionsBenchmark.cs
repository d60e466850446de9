using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (g) Does history slow the live path? The latency of running a short workflow (start → 3 steps → end, one client, one
/// burst) in two databases side by side: one with 1 published version and 1,000 completed instances stored, one with 500
/// versions of the same definition and 1,000,000 completed instances (with their journals). The runs alternate between
/// the two in rounds, so both figures come from the same minutes: on this shared machine a commit's flush time drifts
/// between minutes by more than history could add.
/// </summary>
internal static class VersionsBenchmark
{
    private const string DefinitionId = "bench-versions";
    private const int Runs = 2000;
    private const int Rounds = 4;

    public static async Task RunAsync(string server, BenchOptions options)
    {
        await using var smallDatabase = await BenchDatabase.CreateAsync(server, 20);
        await using var largeDatabase = await BenchDatabase.CreateAsync(server, 20);
        await using var smallServices = await smallDatabase.StartEngineAsync(Versioned(1));
        await using var largeServices = await largeDatabase.StartEngineAsync(Versioned(1));
        var small = smallServices.GetRequiredService<WorkflowRuntime>();
        var large = largeServices.GetRequiredService<WorkflowRuntime>();
        Console.WriteLine();
        Console.WriteLine($"(g) run latency against stored history: 1 client, {Runs:N0} runs of start → 3 SetVariable → End in each of two databases, alternated in {Rounds} rounds ({smallDatabase.Name}, {largeDatabase.Name})");

        await RunManyAsync(small, 1000); // the 1,000 completed instances
        await RunManyAsync(large, 1000);
        var seeding = Stopwatch.StartNew();
        var store = largeServices.GetRequiredService<DefinitionStore>();
        for (var version = 2; version <= options.Versions; version++)
        {
            var published = await store.PublishAsync(Versioned(version), "bench", CancellationToken.None);
            if (published.Status != OperationStatus.Created)
            {
                throw new InvalidOperationException($"version {version} was not published: {published.Message}");
            }
        }

        var stored = await largeDatabase.ScalarAsync<long>("SELECT count(*) FROM workflow_instances");
        await CloneCompletedAsync(largeDatabase, options.HistoryInstances - (int)stored);
        foreach (var database in new[] { smallDatabase, largeDatabase })
        {
            await database.ExecuteAsync("VACUUM ANALYZE");
        }

        await smallDatabase.ExecuteAsync("CHECKPOINT");
        var instances = await largeDatabase.ScalarAsync<long>("SELECT count(*) FROM workflow_instances");
        var journal = await largeDatabase.ScalarAsync<long>("SELECT count(*) FROM journal");
        Console.WriteLine($"  stored in the large one: {options.Versions} versions, {instances:N0} completed instances, {journal:N0} journal rows (seeded in {seeding.Elapsed.TotalSeconds:F0} s)");

        await RunManyAsync(small, 500); // the same warm-up for both: caches, plans
        await RunManyAsync(large, 500);
        var smallLatencies = new List<double>();
        var largeLatencies = new List<double>();
        var rounds = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Each goes first in every other round, so neither always follows the other.
            var (first, firstLatencies, second, secondLatencies) = round % 2 == 0
                ? (small, smallLatencies, large, largeLatencies)
                : (large, largeLatencies, small, smallLatencies);
            var firstRound = await LatenciesAsync(first, Runs / Rounds);
            var secondRound = await LatenciesAsync(second, Runs / Rounds);
            firstLatencies.AddRange(firstRound);
            secondLatencies.AddRange(secondRound);
            var (smallRound, largeRound) = round % 2 == 0 ? (firstRound, secondRound) : (secondRound, firstRound);
            rounds.Add($"{smallRound.Average():F2} / {largeRound.Average():F2}");
        }

        var smallFigures = Summary(smallLatencies);
        var largeFigures = Summary(largeLatencies);
        Console.WriteLine($"  1 version, 1,000 instances:            mean {smallFigures.Mean,6:F2} ms, p50 {smallFigures.P50,6:F2} ms, p99 {smallFigures.P99,6:F2} ms");
        Console.WriteLine($"  {options.Versions} versions, {instances,9:N0} instances:  mean {largeFigures.Mean,6:F2} ms, p50 {largeFigures.P50,6:F2} ms, p99 {largeFigures.P99,6:F2} ms");
        Console.WriteLine($"  mean of each round, small / large: {string.Join("; ", rounds)} ms");
        Console.WriteLine($"  large / small: mean {largeFigures.Mean / smallFigures.Mean:F2} ×, p99 {largeFigures.P99 / smallFigures.P99:F2} × (goal ≤ 1.2 ×); load average {LoadAverage.Read()}");
        // Where a difference comes from: the statements of one run, and their mean time, in each database.
        Console.WriteLine($"  small, {await StatementsAsync(smallDatabase, small)}");
        Console.WriteLine($"  large, {await StatementsAsync(largeDatabase, large)}");
    }

    private const int StatementRuns = 500;

    private static async Task<string> StatementsAsync(BenchDatabase database, WorkflowRuntime runtime)
    {
        using var roundTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
        await RunManyAsync(runtime, StatementRuns);
        return await roundTrips.DescribeAsync(StatementRuns, inProcess: true);
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

    private static async Task<double[]> LatenciesAsync(WorkflowRuntime runtime, int runs)
    {
        var latencies = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.GetTimestamp();
            await RunOnceAsync(runtime);
            latencies[i] = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
        }

        return latencies;
    }

    private static (double Mean, double P50, double P99) Summary(List<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        return (sorted.Average(), sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99) - 1]);
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
            // Ids as the engine makes them (UUIDv7: the creation time's milliseconds, version and variant bits, random bits), so the history
            // sits in the primary key's order as a year of real instances would.
            await RowCloner.ExecuteAsync(connection, $"""
                DROP TABLE IF EXISTS clones;
                CREATE TEMP TABLE clones AS
                    SELECT n, encode(set_byte(set_byte(overlay(uuid_send(gen_random_uuid())
                                                               placing substring(int8send((extract(epoch FROM at) * 1000)::bigint) FROM 3)
                                                               FROM 1 FOR 6),
                                                       6, 112 + (random() * 15)::int),  -- version 7
                                              8, 128 + (random() * 63)::int), 'hex')::uuid AS instance_id, at  -- variant 10
                    FROM (SELECT n, now() - random() * interval '365 days' AS at FROM generate_series(1, {size}) n) s;
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
