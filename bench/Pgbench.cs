using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Sleek.Workflows.Bench;

/// <summary>Runs pgbench with a custom script on a benchmark database: the reference the engine's figures stand beside.</summary>
internal static class Pgbench
{
    /// <summary>
    /// Runs <paramref name="script"/> with <paramref name="clients"/> clients, either for <paramref name="duration"/> or
    /// <paramref name="transactionsPerClient"/> each; returns transactions per second and PostgreSQL's CPU per transaction.
    /// </summary>
    public static async Task<(double TxPerSecond, string Cpu)> RunAsync(
        string connectionString, string pgbenchPath, string script, int clients, TimeSpan? duration = null, int? transactionsPerClient = null)
    {
        if (!File.Exists(pgbenchPath))
        {
            throw new InvalidOperationException($"pgbench not found at {pgbenchPath}; install postgresql-15 (Debian) or pass --pgbench PATH");
        }

        var file = Path.Combine(Path.GetTempPath(), $"sleek-bench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(connectionString);
            var start = new ProcessStartInfo(pgbenchPath) { RedirectStandardOutput = true, RedirectStandardError = true };
            var limit = duration is { } d
                ? new[] { "-T", ((int)Math.Ceiling(d.TotalSeconds)).ToString(CultureInfo.InvariantCulture) }
                : ["-t", (transactionsPerClient ?? throw new ArgumentException("give a duration or a transaction count")).ToString(CultureInfo.InvariantCulture)];
            foreach (var argument in new[]
            {
                "-n", "-f", file, "-c", clients.ToString(CultureInfo.InvariantCulture),
                "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            }.Concat(limit).Concat(
            [
                "-h", connection.Host ?? "127.0.0.1", "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
                "-U", connection.Username ?? "postgres", connection.Database!,
            ]))
            {
                start.ArgumentList.Add(argument);
            }

            if (!string.IsNullOrEmpty(connection.Password))
            {
                start.Environment["PGPASSWORD"] = connection.Password;
            }

            var postgresBefore = CpuMeter.PostgresSeconds();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var elapsed = clock.Elapsed;
            var text = await output;
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            if (process.ExitCode != 0 || line is null)
            {
                throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {text} {await error}");
            }

            var tps = double.Parse(line["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
            var transactions = tps * (duration ?? elapsed).TotalSeconds;
            var server = CpuMeter.PostgresSeconds() is { } after && postgresBefore is { } before
                ? $"CPU per tx: PostgreSQL {(after - before) * 1000 / transactions:F2} ms"
                : "CPU of PostgreSQL not readable";
            return (tps, server);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
