using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (b) Durable steps: the engine's resume → next wait, committed, next to the same-shaped raw
/// transaction run by pgbench with the same number of clients — the physical limit of this PostgreSQL.
/// </summary>
internal static class StepBenchmark
{
    public static async Task RunAsync(string server, BenchOptions options)
    {
        var clients = options.Concurrency;
        await using var database = await BenchDatabase.CreateAsync(server, Math.Max(20, clients * 2));
        await using var services = await database.StartEngineAsync(BenchDefinitions.WaitLoop("bench-loop"));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        Console.WriteLine();
        Console.WriteLine($"(b) durable steps on PostgreSQL, {clients} clients, {options.StepDuration.TotalSeconds:0} s each, database {database.Name}");

        // One looping instance per client, so no client waits on another's row lock (pgbench does the same).
        var tokens = new string[clients];
        for (var c = 0; c < clients; c++)
        {
            var started = await runtime.StartAsync(new StartRequest("bench-loop", null, $"step-{c}", null), CancellationToken.None);
            tokens[c] = started.Value?.Bookmarks.Single().Token ?? throw new InvalidOperationException($"bench-loop did not start: {started.Status} {started.Message}");
        }

        var stateJson = await ScalarAsync(database.ConnectionString, "SELECT state_json FROM workflow_instances LIMIT 1");
        await PgbenchTablesAsync(database, clients, stateJson);
        await database.ExecuteAsync("VACUUM ANALYZE");
        var pgbench = await RunPgbenchAsync(database.ConnectionString, options, clients, stateJson);

        // Warm-up: JIT (tiered compilation and PGO settle only after tens of seconds of load here), pools, plans.
        await StepAsync(runtime, tokens, options.StepWarmUp);
        // Statistics as autovacuum keeps them in a running system. Those of the empty tables from before the warm-up
        // would leave prepared statements on plans made for a few rows (a sequential scan of bookmarks per step)
        // until autovacuum's next visit, which may or may not fall inside the measurement.
        await database.ExecuteAsync("ANALYZE");
        using var roundTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
        var cpu = new CpuMeter();
        var watch = Stopwatch.StartNew();
        var steps = await StepAsync(runtime, tokens, options.StepDuration);
        var engine = steps / watch.Elapsed.TotalSeconds;
        var engineCpu = cpu.Describe(steps, "step", "engine");
        var trips = await roundTrips.DescribeAsync(steps, inProcess: true);

        Console.WriteLine($"  pgbench, raw transaction (update instance, insert journal row, delete + insert bookmark): {pgbench.TxPerSecond,8:N0} tx/s   ({pgbench.Cpu})");
        Console.WriteLine($"  engine, WorkflowRuntime.ResumeAsync(token) → wait resumed, next wait entered, committed: {engine,8:N0} steps/s ({engineCpu})");
        Console.WriteLine($"  engine / pgbench: {engine / pgbench.TxPerSecond:P0} (target ≥ 60%); load average {LoadAverage.Read()}");
        Console.WriteLine($"  {trips}");
    }

    /// <summary>Each client resumes its instance's open bookmark with the token the last resume returned, until the time is up.</summary>
    private static async Task<long> StepAsync(WorkflowRuntime runtime, string[] tokens, TimeSpan duration)
    {
        long steps = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(tokens.Select((_, c) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var result = await runtime.ResumeAsync(tokens[c], null, ResumeCaller.Internal("benchmark"), CancellationToken.None);
                tokens[c] = result.Value?.Bookmarks.SingleOrDefault()?.Token
                    ?? throw new InvalidOperationException($"resume ended {result.Status} {result.Message}");
                Interlocked.Increment(ref steps);
            }
        })));
        return steps;
    }

    /// <summary>Tables shaped like the engine's (same column types and indexes), one instance and one open bookmark per client.</summary>
    internal static Task PgbenchTablesAsync(BenchDatabase database, int clients, string stateJson) => database.ExecuteAsync($$"""
        CREATE TABLE pgb_instances (id int PRIMARY KEY, definition_id varchar(100) NOT NULL, version int NOT NULL, status varchar(20) NOT NULL,
            correlation_id varchar(200), state_json text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, concurrency_version int NOT NULL);
        CREATE INDEX ON pgb_instances (status, created_at);
        CREATE INDEX ON pgb_instances (correlation_id);
        CREATE TABLE pgb_bookmarks (id uuid PRIMARY KEY, instance_id int NOT NULL, activity_id varchar(100) NOT NULL, execution_number int NOT NULL,
            name varchar(200) NOT NULL, correlation_key varchar(200), token varchar(64) NOT NULL, data_json text NOT NULL, created_at timestamptz NOT NULL);
        CREATE UNIQUE INDEX ON pgb_bookmarks (token);
        CREATE INDEX ON pgb_bookmarks (instance_id);
        CREATE INDEX ON pgb_bookmarks (name, correlation_key);
        CREATE TABLE pgb_journal (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, instance_id int NOT NULL, activity_id varchar(100) NOT NULL,
            activity_type varchar(200) NOT NULL, execution_number int NOT NULL, event varchar(20) NOT NULL, started_at timestamptz NOT NULL,
            completed_at timestamptz NOT NULL, inputs_json text, output_json text, ports varchar(1000), error text);
        CREATE INDEX ON pgb_journal (instance_id, id);
        INSERT INTO pgb_instances SELECT c, 'bench-loop', 1, 'suspended', 'step-' || c, {{Literal(stateJson)}}, now(), now(), 0 FROM generate_series(0, {{clients - 1}}) c;
        INSERT INTO pgb_bookmarks SELECT gen_random_uuid(), c, 'wait', 1, 'Go', 'step-' || c, substr(md5(random()::text) || md5(random()::text), 1, 43),
            '{"eventName":"Go","correlationKey":"step-' || c || '"}', now() FROM generate_series(0, {{clients - 1}}) c;
        """);

    internal static Task<(double TxPerSecond, string Cpu)> RunPgbenchAsync(string connectionString, BenchOptions options, int clients, string stateJson) =>
        // Per transaction what one engine step must make durable at least: the instance row, a journal
        // row, the consumed bookmark gone and the next one there. :client_id picks the client's own row.
        Pgbench.RunAsync(connectionString, options.PgbenchPath, $$"""
        BEGIN;
        UPDATE pgb_instances SET state_json = {{Literal(stateJson)}}, updated_at = now(), concurrency_version = concurrency_version + 1 WHERE id = :client_id;
        INSERT INTO pgb_journal (instance_id, activity_id, activity_type, execution_number, event, started_at, completed_at, inputs_json, ports)
            VALUES (:client_id, 'wait', 'WaitForEvent', 1, 'resumed', now(), now(), '{"bookmark":"Go","payload":null}', 'Done');
        DELETE FROM pgb_bookmarks WHERE instance_id = :client_id;
        INSERT INTO pgb_bookmarks VALUES (gen_random_uuid(), :client_id, 'wait', 1, 'Go', 'step', substr(md5(random()::text) || md5(random()::text), 1, 43), '{"eventName":"Go"}', now());
        COMMIT;

        """, clients, duration: options.StepDuration);

    internal static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string Literal(string text) => Pgbench.Literal(text);
}
