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

    /// <summary>The host as deployed, for (e) beside the built one when it exists.</summary>
    public string PublishedHostDll { get; init; } = "artifacts/host/Sleek.Workflows.Host.dll";

    /// <summary>How long the host resumes before the timed HTTP runs (tiered JIT).</summary>
    public TimeSpan HttpWarmUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the engine steps before the timed step run.</summary>
    public TimeSpan StepWarmUp { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Fresh starts of the cold-start part (medians are printed).</summary>
    public int ColdStartRuns { get; init; } = 3;

    /// <summary>Overdue timers stored before the host starts (f).</summary>
    public int Timers { get; init; } = 100_000;

    /// <summary>pgbench clients for the timers' reference: as many as the host's workers (one per core by default).</summary>
    public int TimerWorkers { get; init; } = Environment.ProcessorCount;

    /// <summary>Published versions of one definition in (g).</summary>
    public int Versions { get; init; } = 500;

    /// <summary>Completed instances stored in (g).</summary>
    public int HistoryInstances { get; init; } = 1_000_000;

    /// <summary>Measured loads of the editor in the designer part (after one that fills the cache).</summary>
    public int DesignerRuns { get; init; } = 5;

    /// <summary>The Chromium the designer part drives (Playwright never downloads one here).</summary>
    public string Chromium { get; init; } = Environment.GetEnvironmentVariable("SLEEK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The parts to run (all by default).</summary>
    public IReadOnlySet<string> Parts { get; init; } = AllParts;

    public bool Runs(string part) => Parts.Contains(part);

    /// <summary>Every part, in the order they run.</summary>
    public static readonly IReadOnlySet<string> AllParts = new HashSet<string>(["memory", "steps", "roundtrips", "http", "coldstart", "designer", "timers", "versions"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes the benchmark's program exit at once: the runtime-floor process of the cold-start part.</summary>
    public const string NoOpArgument = "--noop";

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
          --published-host-dll PATH  published host, measured by (e) beside the built one when present
                               (artifacts/host/Sleek.Workflows.Host.dll)
          --cold-runs N        fresh starts in the cold-start part, medians printed (3)
          --timers N           overdue timers stored before the host starts (100000)
          --versions N         published versions of one definition in the history part (500)
          --history N          completed instances stored in the history part (1000000)
          --chromium PATH      Chromium for the designer part (/usr/bin/chromium, or SLEEK_CHROMIUM)
          --quick              every part, smaller and shorter: a before/after check in under 3 minutes
          --only LIST          run only these parts: memory,steps,roundtrips,http,coldstart,designer,timers,versions
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
                "--published-host-dll" => options with { PublishedHostDll = Next() },
                "--cold-runs" => options with { ColdStartRuns = Int(Next()) },
                "--timers" => options with { Timers = Int(Next()) },
                "--versions" => options with { Versions = Int(Next()) },
                "--history" => options with { HistoryInstances = Int(Next()) },
                "--chromium" => options with { Chromium = Next() },
                "--quick" => Quick(options),
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
        var unknown = set.Except(AllParts, StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"--only: unknown part(s) {string.Join(", ", unknown)}; use {string.Join(", ", AllParts)}");
        }

        return options with { Parts = set };
    }

    /// <summary>The same parts at a tenth of the size and with short warm-ups: ratios stay comparable, absolute figures are noisier.</summary>
    private static BenchOptions Quick(BenchOptions options) => options with
    {
        InMemoryDuration = TimeSpan.FromSeconds(1),
        StepDuration = TimeSpan.FromSeconds(5),
        StepWarmUp = TimeSpan.FromSeconds(5),
        DurableInstances = 1000,
        HttpWaiting = [10_000],
        HttpRequests = 3000,
        HttpWarmUp = TimeSpan.FromSeconds(8),
        ColdStartRuns = 1,
        DesignerRuns = 2,
        Timers = 10_000,
        Versions = 50,
        HistoryInstances = 100_000,
    };

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
