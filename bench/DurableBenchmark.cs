using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>
/// (c) Event-resume round trips on PostgreSQL: every start and every resume is a burst committed in its own
/// transaction (instance row, bookmarks, journal, work item). Runs in a throwaway database.
/// </summary>
internal static class DurableBenchmark
{
    public static async Task RunAsync(string server, BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(server, Math.Max(20, options.Concurrency * 2));
        await using var services = await database.StartEngineAsync(BenchDefinitions.WaitThenFinish("bench-wait"));
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        Console.WriteLine();
        Console.WriteLine($"(c) event-resume round trips on PostgreSQL: {options.DurableInstances} instances, {options.Concurrency} concurrent clients, database {database.Name}");

        var correlationIds = Enumerable.Range(0, options.DurableInstances).Select(i => $"bench-{i}").ToArray();
        var startTrips = await RoundTripMeter.StartAsync(database.ConnectionString);
        var starts = await TimeAsync(correlationIds, options.Concurrency, async id =>
        {
            var result = await runtime.StartAsync(new StartRequest("bench-wait", null, id, null), CancellationToken.None);
            Expect(result.Value?.Status == WorkflowStatus.Suspended, $"start of {id} ended {result.Status} {result.Value?.Status}");
        });
        Print("start → run to first wait (1 burst: Start + WaitForEvent)", options.DurableInstances, starts, 2);
        var startStatements = await startTrips.DescribeAsync(options.DurableInstances, inProcess: true);
        startTrips.Dispose();

        var resumeTrips = await RoundTripMeter.StartAsync(database.ConnectionString);

        var resumes = await TimeAsync(correlationIds, options.Concurrency, async id =>
        {
            var result = await runtime.PublishEventAsync("Go", id, null, ResumeCaller.Internal("benchmark"), CancellationToken.None);
            Expect(result.Value?.Resumed.Single().Status == WorkflowStatus.Completed, $"resume of {id} ended {result.Status}");
        });
        Print("event resume → complete (consume + 1 burst: resume, SetVariable, End)", options.DurableInstances, resumes, 3);
        var resumeStatements = await resumeTrips.DescribeAsync(options.DurableInstances, inProcess: true);
        resumeTrips.Dispose();
        var total = starts + resumes;
        var roundTrips = options.DurableInstances / total.TotalSeconds;
        Console.WriteLine($"  round trip start → wait → resume → complete: {roundTrips,8:N0} instances/s ({total.TotalMilliseconds / options.DurableInstances * options.Concurrency:F2} ms per instance per client)");
        if (await WorkflowCorePeer.RoundTripsPerSecondAsync(options.DurableInstances, options.Concurrency) is { } peer)
        {
            Console.WriteLine($"  WorkflowCore 3.22, in memory, same shape and clients: {peer,8:N0} instances/s — durable on PostgreSQL vs in-memory peer {roundTrips / peer:P0} (goal ≥ 100 %)");
        }

        // Where the time goes on the database's side: round trips and statements of each half.
        Console.WriteLine($"  starts, {startStatements}");
        Console.WriteLine($"  resumes, {resumeStatements}");
    }

    private static async Task<TimeSpan> TimeAsync(string[] ids, int concurrency, Func<string, Task> action)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, _) => await action(id));
        return watch.Elapsed;
    }

    private static void Print(string label, int count, TimeSpan elapsed, int activitiesPerBurst) =>
        Console.WriteLine($"  {label}: {count / elapsed.TotalSeconds,8:N0} bursts/s, {count * activitiesPerBurst / elapsed.TotalSeconds,8:N0} activities/s");

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

}
