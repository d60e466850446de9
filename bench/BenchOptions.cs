using System.Globalization;

namespace Sleek.Workflows.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions
{
    public string? PostgresConnectionString { get; init; }

    /// <summary>Instances of the event-resume round trip.</summary>
    public int DurableInstances { get; init; } = 2000;

    /// <summary>Concurrent clients of the in-process durable runs and of pgbench.</summary>
    public int Concurrency { get; init; } = 8;

    public TimeSpan InMemoryDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the engine and pgbench each run the durable step.</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(10);

    public string PgbenchPath { get; init; } = "/usr/lib/postgresql/15/bin/pgbench";

    /// <summary>Concurrent HTTP clients resuming bookmarks.</summary>
    public int HttpClients { get; init; } = 32;

    /// <summary>Waiting instances seeded before each HTTP run, smallest first.</summary>
    public int[] HttpWaiting { get; init; } = [10_000, 100_000];

    /// <summary>Timed resumes per HTTP run (after a warm-up).</summary>
    public int HttpRequests { get; init; } = 10_000;

    /// <summary>Seed the waiting instances through the API instead of bulk SQL (slow for 100,000).</summary>
    public bool SeedThroughApi { get; init; }

    public string HostDll { get; init; } = "src/Host/bin/Release/net10.0/Sleek.Workflows.Host.dll";

    public bool SkipInMemory { get; init; }

    public bool SkipSteps { get; init; }

    public bool SkipRoundTrips { get; init; }

    public bool SkipHttp { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project bench -- [--postgres "<Npgsql connection string>"] [options]
          --postgres CONN      server where a throwaway database may be created (or SLEEK_BENCH_POSTGRES)
          --concurrency N      clients of the in-process durable runs and of pgbench (8)
          --seconds S          duration of each in-memory measurement (3)
          --step-seconds S     duration of the engine-vs-pgbench step runs (10)
          --instances N        instances of the event-resume round trip (2000)
          --pgbench PATH       pgbench binary (/usr/lib/postgresql/15/bin/pgbench)
          --http-clients N     concurrent HTTP clients (32)
          --http-waiting A,B   waiting instances per HTTP run (10000,100000)
          --http-requests N    timed resumes per HTTP run (10000)
          --seed-api           create the waiting instances through POST /api/instances instead of bulk SQL
          --host-dll PATH      built host (src/Host/bin/Release/net10.0/Sleek.Workflows.Host.dll)
          --only LIST          run only these parts: memory,steps,roundtrips,http
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { PostgresConnectionString = Environment.GetEnvironmentVariable("SLEEK_BENCH_POSTGRES") };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--postgres" => options with { PostgresConnectionString = Next() },
                "--instances" => options with { DurableInstances = Int(Next()) },
                "--concurrency" => options with { Concurrency = Int(Next()) },
                "--seconds" => options with { InMemoryDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--step-seconds" => options with { StepDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--pgbench" => options with { PgbenchPath = Next() },
                "--http-clients" => options with { HttpClients = Int(Next()) },
                "--http-waiting" => options with { HttpWaiting = [.. Next().Split(',').Select(Int)] },
                "--http-requests" => options with { HttpRequests = Int(Next()) },
                "--seed-api" => options with { SeedThroughApi = true },
                "--host-dll" => options with { HostDll = Next() },
                "--only" => Only(options, Next()),
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}"),
            };
        }

        return string.IsNullOrWhiteSpace(options.PostgresConnectionString) ? options with { PostgresConnectionString = null } : options;
    }

    private static BenchOptions Only(BenchOptions options, string parts)
    {
        var set = parts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = set.Except(["memory", "steps", "roundtrips", "http"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--only: unknown part(s) {string.Join(", ", unknown)}; use memory, steps, roundtrips, http");
        }

        return options with
        {
            SkipInMemory = !set.Contains("memory"),
            SkipSteps = !set.Contains("steps"),
            SkipRoundTrips = !set.Contains("roundtrips"),
            SkipHttp = !set.Contains("http"),
        };
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
