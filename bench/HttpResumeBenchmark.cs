using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (d) <c>POST /api/bookmarks/{token}/resume</c> against a host process with many waiting instances:
/// latency percentiles per resume with concurrent clients, for each number of waiting instances, and
/// the host's resident memory under that load.
/// </summary>
internal static class HttpResumeBenchmark
{
    private const string DefinitionId = "bench-approval";

    public static async Task RunAsync(string server, BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(server, 20);
        var folder = Path.Combine(Path.GetTempPath(), $"sleek-bench-host-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "workflows", DefinitionId));
        await File.WriteAllTextAsync(Path.Combine(folder, "workflows", DefinitionId, "v1.json"), BenchDefinitions.Approval(DefinitionId).ToJsonString());
        try
        {
            var hostStart = Stopwatch.StartNew();
            // The log goes next to the folder, not into it: the folder is the host's working directory (content root).
            await using var host = await HostProcess.StartAsync(options.HostDll, database.ConnectionString, folder, folder + ".log");
            Console.WriteLine();
            Console.WriteLine($"(d) bookmark resume over HTTP: host process {host.ProcessId} on {host.Address} (up in {hostStart.Elapsed.TotalSeconds:F1} s), {options.HttpClients} clients, database {database.Name}");
            Console.WriteLine($"    workflow: Start → HumanTask (form, outcomes Approve/Reject) → SetVariable → End; each resume completes its instance");
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.HttpClients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = host.Address,
                Timeout = TimeSpan.FromSeconds(60),
            };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await host.AdminTokenAsync());
            var (idleRss, _) = host.Memory();
            Console.WriteLine($"  host RSS idle after start-up: {idleRss:F0} MiB");
            await WarmUpAsync(database, client, options);
            var pgbench = await PgbenchReferenceAsync(database, options);
            foreach (var waiting in options.HttpWaiting)
            {
                await RunOnceAsync(database, host, client, options, waiting, pgbench);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(folder + ".log");
        }
    }

    /// <summary>
    /// A fresh host compiles its hot paths in tiers for a while (tiered JIT, PGO): resume for some seconds
    /// first, so that neither measured size pays for it.
    /// </summary>
    private static async Task WarmUpAsync(BenchDatabase database, HttpClient client, BenchOptions options)
    {
        var tokens = await SeedWithSqlAsync(database, client, 20_000);
        var watch = Stopwatch.StartNew();
        var resumed = 0;
        while (watch.Elapsed < options.HttpWarmUp && resumed + options.HttpClients <= tokens.Length)
        {
            var batch = Math.Min(1000, tokens.Length - resumed);
            await ResumeAllAsync(client, tokens.AsMemory(resumed, batch), options.HttpClients, new double[batch]);
            resumed += batch;
        }

        Console.WriteLine($"  host warm-up (tiered JIT): {resumed:N0} resumes in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// The reference: pgbench with as many clients runs (b)'s same-shaped raw transaction (instance row updated, journal row
    /// inserted, bookmark replaced) on tables beside the engine's in this database — what this server can commit at most.
    /// </summary>
    private static async Task<double> PgbenchReferenceAsync(BenchDatabase database, BenchOptions options)
    {
        var stateJson = await StepBenchmark.ScalarAsync(database.ConnectionString, "SELECT state_json FROM workflow_instances LIMIT 1");
        await StepBenchmark.PgbenchTablesAsync(database, options.HttpClients, stateJson);
        await database.ExecuteAsync("VACUUM ANALYZE pgb_instances, pgb_bookmarks, pgb_journal");
        var (txPerSecond, cpu) = await StepBenchmark.RunPgbenchAsync(database.ConnectionString, options, options.HttpClients, stateJson);
        Console.WriteLine($"  pgbench, (b)'s raw transaction with {options.HttpClients} clients: {txPerSecond:N0} tx/s ({cpu}); load average {LoadAverage.Read()}");
        return txPerSecond;
    }

    private static async Task RunOnceAsync(BenchDatabase database, HostProcess host, HttpClient client, BenchOptions options, int waiting, double pgbench)
    {
        await database.ExecuteAsync("TRUNCATE workflow_instances, bookmarks, journal, work_items, incidents");
        // Extra instances for the warm-up (JIT tiering, pools, plans), so that `waiting` still wait when the timing starts.
        var warmUp = Math.Min(3000, Math.Max(500, waiting / 10));
        var seeding = Stopwatch.StartNew();
        var tokens = options.SeedThroughApi
            ? await SeedThroughApiAsync(client, waiting + warmUp, options.HttpClients)
            : await SeedWithSqlAsync(database, client, waiting + warmUp);
        var how = options.SeedThroughApi ? "through POST /api/instances" : "by bulk COPY of rows cloned from one instance the API started";
        Console.WriteLine($"  {waiting + warmUp:N0} waiting instances ({warmUp:N0} of them for the warm-up) created {how} in {seeding.Elapsed.TotalSeconds:F1} s ({(waiting + warmUp) / seeding.Elapsed.TotalSeconds:N0}/s)");
        await database.ExecuteAsync("VACUUM ANALYZE");
        // Flush the seeded rows now: otherwise the next checkpoint writes them during the measurement, and its I/O
        // lands in the latencies of whichever resumes run then.
        await database.ExecuteAsync("CHECKPOINT");

        RandomNumberGenerator.Shuffle(tokens.AsSpan());
        var timed = Math.Min(options.HttpRequests, waiting / 2); // at least half of them still wait at the end
        await ResumeAllAsync(client, tokens.AsMemory(0, warmUp), options.HttpClients, new double[warmUp]);

        var latencies = new double[timed];
        var peakRss = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, host.Memory().Rss);
                await Task.Delay(100, CancellationToken.None);
            }
        });
        var load = LoadAverage.Read();
        using var roundTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
        var cpu = new CpuMeter();
        var hostCpu = host.CpuSeconds();
        var watch = Stopwatch.StartNew();
        await ResumeAllAsync(client, tokens.AsMemory(warmUp, timed), options.HttpClients, latencies);
        var elapsed = watch.Elapsed;
        var hostCpuPerResume = (host.CpuSeconds() - hostCpu) * 1000 / timed;
        var (clientCpu, postgresCpu) = cpu.PerUnit(timed);
        await sampling.CancelAsync();
        await sampler;
        var (rss, hwm) = host.Memory();
        var trips = await roundTrips.DescribeAsync(timed, inProcess: false);

        Array.Sort(latencies);
        Console.WriteLine(
            $"  {waiting,7:N0} waiting: {timed:N0} resumes in {elapsed.TotalSeconds:F1} s = {timed / elapsed.TotalSeconds:N0}/s; " +
            $"latency p50 {Percentile(latencies, 0.50):F1} ms, p90 {Percentile(latencies, 0.90):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms (target p99 < 50 ms)");
        var rate = timed / elapsed.TotalSeconds;
        var spread = Percentile(latencies, 0.99) / Percentile(latencies, 0.50);
        Console.WriteLine(
            $"           HTTP resumes / pgbench: {rate / pgbench:P0} (goal ≥ 80 %: {(rate >= 0.8 * pgbench ? "met" : "not met")}); " +
            $"p99 / p50: {spread:F1} × (goal ≤ 2.5 ×: {(spread <= 2.5 ? "met" : "not met")})");
        Console.WriteLine($"           host RSS under load: peak {peakRss:F0} MiB, now {rss:F0} MiB, VmHWM {hwm:F0} MiB (target < 300 MB); load average at start {load}");
        Console.WriteLine($"           CPU per resume: host {hostCpuPerResume:F2} ms, PostgreSQL {postgresCpu?.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} ms, this benchmark's {options.HttpClients} clients {clientCpu:F2} ms");
        Console.WriteLine($"           {trips}");
    }

    /// <summary>Each client takes the next token and resumes it as an ops approval; every answer must be 200 and Completed.</summary>
    private static async Task ResumeAllAsync(HttpClient client, ReadOnlyMemory<string> tokens, int clients, double[] latencies)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < tokens.Length)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync($"/api/bookmarks/{tokens.Span[i]}/resume", new { outcome = "Approve", comment = "ok" });
                var body = await response.Content.ReadAsStringAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK || JsonNode.Parse(body)?["status"]?.GetValue<string>() != "Completed")
                {
                    throw new InvalidOperationException($"resume answered {(int)response.StatusCode}: {body}");
                }
            }
        })));
    }

    private static async Task<string[]> SeedThroughApiAsync(HttpClient client, int count, int clients)
    {
        var tokens = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                tokens[i] = await StartAsync(client, $"bench-{i}");
            }
        })));
        return tokens;
    }

    private static async Task<string> StartAsync(HttpClient client, string correlationId)
    {
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionId = DefinitionId, correlationId });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"start answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!["bookmarks"]![0]!["token"]!.GetValue<string>();
    }

    /// <summary>
    /// Starts one instance through the API, then copies its rows — instance, open bookmark, journal —
    /// <paramref name="count"/> − 1 times with new ids, correlation ids and 256-bit tokens, by binary COPY.
    /// The copies are what the engine itself would have written for the same start.
    /// </summary>
    private static async Task<string[]> SeedWithSqlAsync(BenchDatabase database, HttpClient client, int count)
    {
        var tokens = new string[count];
        tokens[0] = await StartAsync(client, "bench-0");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var instance = await ReadRowAsync(connection, "SELECT definition_id, version, status, state_json, created_at, updated_at, concurrency_version FROM workflow_instances");
        var bookmark = await ReadRowAsync(connection, "SELECT activity_id, execution_number, name, data_json, created_at FROM bookmarks");
        var journal = await ReadRowsAsync(connection, "SELECT activity_id, activity_type, execution_number, event, started_at, completed_at, inputs_json, output_json, ports FROM journal ORDER BY id");

        var instanceIds = new Guid[count];
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY workflow_instances (id, definition_id, version, status, correlation_id, state_json, created_at, updated_at, concurrency_version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i < count; i++)
            {
                instanceIds[i] = Guid.CreateVersion7();
                await copy.StartRowAsync();
                await copy.WriteAsync(instanceIds[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync((string)instance[0], NpgsqlDbType.Varchar);
                await copy.WriteAsync((int)instance[1], NpgsqlDbType.Integer);
                await copy.WriteAsync((string)instance[2], NpgsqlDbType.Varchar);
                await copy.WriteAsync($"bench-{i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync((string)instance[3], NpgsqlDbType.Text);
                await copy.WriteAsync((DateTime)instance[4], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync((DateTime)instance[5], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync((int)instance[6], NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY bookmarks (id, instance_id, activity_id, execution_number, name, token, data_json, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i < count; i++)
            {
                tokens[i] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(instanceIds[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync((string)bookmark[0], NpgsqlDbType.Varchar);
                await copy.WriteAsync((int)bookmark[1], NpgsqlDbType.Integer);
                await copy.WriteAsync((string)bookmark[2], NpgsqlDbType.Varchar);
                await copy.WriteAsync(tokens[i], NpgsqlDbType.Varchar);
                await copy.WriteAsync((string)bookmark[3], NpgsqlDbType.Text);
                await copy.WriteAsync((DateTime)bookmark[4], NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journal (instance_id, activity_id, activity_type, execution_number, event, started_at, completed_at, inputs_json, output_json, ports) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i < count; i++)
            {
                foreach (var row in journal)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(instanceIds[i], NpgsqlDbType.Uuid);
                    for (var c = 0; c < row.Length; c++)
                    {
                        await WriteAsync(copy, row[c]);
                    }
                }
            }

            await copy.CompleteAsync();
        }

        return tokens;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, object value)
    {
        switch (value)
        {
            case DBNull:
                await copy.WriteNullAsync();
                break;
            case string text:
                await copy.WriteAsync(text, NpgsqlDbType.Text);
                break;
            case int number:
                await copy.WriteAsync(number, NpgsqlDbType.Integer);
                break;
            case DateTime time:
                await copy.WriteAsync(time, NpgsqlDbType.TimestampTz);
                break;
            default:
                throw new InvalidOperationException($"unexpected journal value {value.GetType()}");
        }
    }

    private static async Task<object[]> ReadRowAsync(NpgsqlConnection connection, string sql) =>
        (await ReadRowsAsync(connection, sql)).Single();

    private static async Task<List<object[]>> ReadRowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
