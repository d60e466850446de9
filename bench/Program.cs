using Sleek.Workflows.Bench;

// Usage: dotnet run -c Release --project bench [-- --postgres "<Npgsql connection string>"] [--instances N]
// Prints (a) in-memory interpreter figures and, with a PostgreSQL connection string, (b) durable figures.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Sleek Workflows benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
await InMemoryBenchmark.RunAsync(options);
if (options.PostgresConnectionString is { } connectionString)
{
    await DurableBenchmark.RunAsync(connectionString, options);
}
else
{
    Console.WriteLine("(b) durable: skipped — pass --postgres \"Host=…;Username=…;Password=…\" (a server where a database may be created)");
}
