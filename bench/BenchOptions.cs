namespace Sleek.Workflows.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions(string? PostgresConnectionString, int DurableInstances, int Concurrency, TimeSpan InMemoryDuration)
{
    public static BenchOptions Parse(string[] args)
    {
        string? postgres = Environment.GetEnvironmentVariable("SLEEK_BENCH_POSTGRES");
        var instances = 2000;
        var concurrency = 8;
        var seconds = 3.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                case "--instances" when i + 1 < args.Length:
                    instances = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--concurrency" when i + 1 < args.Length:
                    concurrency = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'; use --postgres <conn>, --instances N, --concurrency N, --seconds S");
            }
        }

        return new BenchOptions(string.IsNullOrWhiteSpace(postgres) ? null : postgres, instances, concurrency, TimeSpan.FromSeconds(seconds));
    }
}
