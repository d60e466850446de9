using Sleek.Workflows.Bench;

// Usage: dotnet run -c Release --project bench [-- --postgres "<Npgsql connection string>"] [options; --help lists them]
// Prints (a) in-memory interpreter figures and, with a PostgreSQL connection string, (b) durable steps
// next to pgbench, (c) event-resume round trips, (d) bookmark resume over HTTP against a host process.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

Console.WriteLine($"Sleek Workflows benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage.Read()}");
if (!options.SkipInMemory)
{
    await InMemoryBenchmark.RunAsync(options);
}

if (options.PostgresConnectionString is not { } connectionString)
{
    Console.WriteLine("(b)–(d) durable: skipped — pass --postgres \"Host=…;Username=…;Password=…\" (a server where a database may be created)");
    return 0;
}

if (!options.SkipSteps)
{
    await StepBenchmark.RunAsync(connectionString, options);
}

if (!options.SkipRoundTrips)
{
    await DurableBenchmark.RunAsync(connectionString, options);
}

if (!options.SkipHttp)
{
    await HttpResumeBenchmark.RunAsync(connectionString, options);
}

Console.WriteLine();
Console.WriteLine($"done; load average {LoadAverage.Read()}");
return 0;
