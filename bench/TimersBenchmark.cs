using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (f) Start-up with many timers overdue: instances waiting in a Delay whose due times lie in the last hour, written while
/// no host runs (a host down over a weekend, say). Measures the host's start until <c>/health</c> with them in the
/// database, then how fast it fires them all, and checks each fired exactly once. Beside it: pgbench firing the same
/// number of timers in tables shaped like the engine's (claim the earliest due work item, consume its bookmark,
/// complete the instance, journal the resume), with as many clients as the host has timer workers.
/// </summary>
internal static class TimersBenchmark
{
    private const string DefinitionId = "bench-delay";

    public static async Task RunAsync(string server, BenchOptions options)
    {
        var count = options.Timers;
        await using var database = await BenchDatabase.CreateAsync(server, 20);
        var folder = Path.Combine(Path.GetTempPath(), $"sleek-bench-timers-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "workflows", DefinitionId));
        await File.WriteAllTextAsync(Path.Combine(folder, "workflows", DefinitionId, "v1.json"), BenchDefinitions.DelayThenFinish(DefinitionId).ToJsonString());
        try
        {
            Console.WriteLine();
            Console.WriteLine($"(f) start-up with {count:N0} overdue timers on PostgreSQL, database {database.Name}");
            Guid seed;
            await using (var first = await HostProcess.StartAsync(options.HostDll, database.ConnectionString, folder, folder + ".log"))
            {
                seed = await StartOneAsync(first);
            }

            var seeding = Stopwatch.StartNew();
            await SeedOverdueAsync(database, seed, count);
            Console.WriteLine($"  {count:N0} instances waiting in a Delay, due over the last hour, cloned by SQL from one the API started, in {seeding.Elapsed.TotalSeconds:F1} s");
            await database.ExecuteAsync("VACUUM ANALYZE");
            await database.ExecuteAsync("CHECKPOINT");

            // Statements per timer (pg_stat_statements): where the engine's round trips go, beside pgbench's one transaction.
            using var roundTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
            var clock = Stopwatch.StartNew();
            await using var host = await HostProcess.StartAsync(options.HostDll, database.ConnectionString, folder, folder + ".log", TimeSpan.FromMilliseconds(20));
            var healthy = host.StartedIn;
            var lastReport = TimeSpan.Zero;
            long completed;
            while ((completed = await database.ScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status = 'completed'")) < count)
            {
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
                {
                    lastReport = clock.Elapsed;
                    Console.WriteLine($"    … {completed:N0} of {count:N0} fired after {clock.Elapsed.TotalSeconds:F0} s");
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(15))
                {
                    throw new TimeoutException($"only {completed:N0} of {count:N0} timers fired within 15 minutes; see {folder}.log");
                }

                await Task.Delay(100);
            }

            var firing = clock.Elapsed - healthy;
            var twice = await database.ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT instance_id FROM journal WHERE activity_id = 'delay' AND event = 'resumed' GROUP BY instance_id HAVING count(*) > 1) t");
            var never = await database.ScalarAsync<long>(
                "SELECT count(*) FROM workflow_instances i WHERE NOT EXISTS (SELECT 1 FROM journal j WHERE j.instance_id = i.id AND j.activity_id = 'delay' AND j.event = 'resumed')");
            var engineRate = count / firing.TotalSeconds;
            var trips = await roundTrips.DescribeAsync(count, inProcess: false);

            var workers = options.TimerWorkers;
            await PgbenchTablesAsync(database, count);
            await database.ExecuteAsync("VACUUM ANALYZE pgb_instances, pgb_bookmarks, pgb_work");
            var pgbench = await Pgbench.RunAsync(database.ConnectionString, options.PgbenchPath, FireScript, workers, transactionsPerClient: count / workers);
            Console.WriteLine($"  host start → /health with them stored: {healthy.TotalSeconds,6:F2} s (goal < 5 s: {(healthy.TotalSeconds < 5 ? "met" : "not met")})");
            Console.WriteLine($"  engine fires them: {count:N0} in {firing.TotalSeconds:F1} s = {engineRate,8:N0} timers/s; fired twice: {twice}, never: {never} (must be 0 and 0)");
            Console.WriteLine($"  pgbench, same rows ({workers} clients: claim earliest due work item, consume bookmark, complete instance, journal): {pgbench.TxPerSecond,8:N0} tx/s ({pgbench.Cpu})");
            Console.WriteLine($"  engine / pgbench: {engineRate / pgbench.TxPerSecond:P0} (goal ≥ 60 %); load average {LoadAverage.Read()}");
            Console.WriteLine($"  engine, {trips}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(folder + ".log");
        }
    }

    /// <summary>Starts one instance through the API (a Delay of one day) and returns its id.</summary>
    private static async Task<Guid> StartOneAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.AdminTokenAsync());
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionId = DefinitionId, correlationId = "timer-0" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (body?["status"]?.GetValue<string>() != "Suspended")
        {
            throw new InvalidOperationException($"{DefinitionId} did not wait in its Delay: {body}");
        }

        return Guid.Parse(body["id"]!.GetValue<string>());
    }

    /// <summary>
    /// Clones the seed instance's rows (instance, timer bookmark, journal, timer work item) count − 1 times in SQL, each
    /// with its own ids, token and a due time somewhere in the last hour; the seed itself becomes overdue too.
    /// </summary>
    private static async Task SeedOverdueAsync(BenchDatabase database, Guid seed, int count)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await RowCloner.ExecuteAsync(connection, $"""
            CREATE TEMP TABLE clones AS
                SELECT n, gen_random_uuid() AS instance_id, gen_random_uuid() AS bookmark_id, now() - random() * interval '1 hour' AS due
                FROM generate_series(1, {count - 1}) n;
            """);
        await RowCloner.CloneAsync(connection, "workflow_instances", "s.id = @seed", new() { ["id"] = "c.instance_id", ["correlation_id"] = "'timer-' || c.n" }, seed);
        await RowCloner.CloneAsync(connection, "bookmarks", "s.instance_id = @seed", new()
        {
            ["id"] = "c.bookmark_id", ["instance_id"] = "c.instance_id", ["due_at"] = "c.due",
            ["token"] = "substr(md5(random()::text) || md5(random()::text), 1, 43)",
        }, seed);
        await RowCloner.CloneAsync(connection, "journal", "s.instance_id = @seed", new() { ["instance_id"] = "c.instance_id" }, seed);
        await RowCloner.CloneAsync(connection, "work_items", "s.instance_id = @seed", new()
        {
            ["instance_id"] = "c.instance_id", ["bookmark_id"] = "c.bookmark_id", ["available_at"] = "c.due",
        }, seed);
        await RowCloner.ExecuteAsync(connection, $"""
            UPDATE bookmarks SET due_at = now() - interval '1 hour' WHERE instance_id = '{seed}';
            UPDATE work_items SET available_at = now() - interval '1 hour' WHERE instance_id = '{seed}';
            """);
    }

    /// <summary>The same number of overdue timers, in tables shaped like the engine's.</summary>
    private static Task PgbenchTablesAsync(BenchDatabase database, int count) => database.ExecuteAsync($$"""
        CREATE TABLE pgb_instances (id int PRIMARY KEY, status varchar(20) NOT NULL, state_json text NOT NULL, updated_at timestamptz NOT NULL, concurrency_version int NOT NULL);
        CREATE TABLE pgb_bookmarks (id int PRIMARY KEY, instance_id int NOT NULL, due_at timestamptz, consumed_at timestamptz, outcome varchar(20));
        CREATE TABLE pgb_work (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, instance_id int NOT NULL, bookmark_id int, available_at timestamptz NOT NULL,
            locked_by varchar(100), locked_until timestamptz);
        CREATE INDEX ON pgb_work (available_at);
        CREATE TABLE pgb_journal (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, instance_id int NOT NULL, activity_id varchar(100) NOT NULL,
            event varchar(20) NOT NULL, started_at timestamptz NOT NULL, inputs_json text, ports varchar(1000));
        CREATE INDEX ON pgb_journal (instance_id, id);
        INSERT INTO pgb_instances SELECT n, 'suspended', (SELECT state_json FROM workflow_instances LIMIT 1), now(), 0 FROM generate_series(1, {{count}}) n;
        INSERT INTO pgb_bookmarks SELECT n, n, now() - random() * interval '1 hour' FROM generate_series(1, {{count}}) n;
        INSERT INTO pgb_work (instance_id, bookmark_id, available_at) SELECT id, id, due_at FROM pgb_bookmarks;
        """);

    private const string FireScript = """
        BEGIN;
        DELETE FROM pgb_work WHERE id = (SELECT id FROM pgb_work WHERE available_at <= now() ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING instance_id AS iid, bookmark_id AS bid \gset
        UPDATE pgb_bookmarks SET consumed_at = now(), outcome = 'resumed' WHERE id = :bid;
        UPDATE pgb_instances SET status = 'completed', updated_at = now(), concurrency_version = concurrency_version + 1 WHERE id = :iid;
        INSERT INTO pgb_journal (instance_id, activity_id, event, started_at, inputs_json, ports) VALUES
            (:iid, 'delay', 'resumed', now(), '{"bookmark":"Timer"}', 'Done'), (:iid, 'set', 'completed', now(), '{}', 'Done'), (:iid, 'end', 'completed', now(), '{}', NULL);
        COMMIT;
        """;
}
