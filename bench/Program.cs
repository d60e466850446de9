using Sleek.Workflows.Bench;

// Usage: dotnet run -c Release --project bench [-- --postgres "<Npgsql connection string>"] [options; --help lists them]
// Prints (a) in-memory interpreter figures, (e) the host's cold start and (h) the designer's load in Chromium, and, with
// a PostgreSQL connection string, (b) durable steps next to pgbench, (c) event-resume round trips next to WorkflowCore,
// (d) bookmark resume over HTTP against a host process, (f) overdue timers at start-up next to pgbench and (g) run
// latency with a large history stored.
if (args is [BenchOptions.NoOpArgument])
{
    return 0; // the runtime floor of the cold-start part: start and exit
}

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
if (options.Runs("memory"))
{
    await InMemoryBenchmark.RunAsync(options);
}

if (options.Runs("coldstart"))
{
    await ColdStartBenchmark.RunAsync(options);
}

if (options.Runs("designer"))
{
    await DesignerBenchmark.RunAsync(options);
}

if (options.PostgresConnectionString is not { } connectionString)
{
    Console.WriteLine("(b)–(d), (f), (g) durable: skipped — pass --postgres \"Host=…;Username=…;Password=…\" (a server where a database may be created)");
    return 0;
}

if (options.Runs("steps"))
{
    await StepBenchmark.RunAsync(connectionString, options);
}

if (options.Runs("roundtrips"))
{
    await DurableBenchmark.RunAsync(connectionString, options);
}

if (options.Runs("http"))
{
    await HttpResumeBenchmark.RunAsync(connectionString, options);
}

if (options.Runs("timers"))
{
    await TimersBenchmark.RunAsync(connectionString, options);
}

if (options.Runs("versions"))
{
    await VersionsBenchmark.RunAsync(connectionString, options);
}

Console.WriteLine();
Console.WriteLine($"done; load average {LoadAverage.Read()}");
return 0;
