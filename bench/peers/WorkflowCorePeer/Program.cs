using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

// Usage: Sleek.Workflows.Bench.WorkflowCorePeer <instances> <clients>
// Runs bench (c)'s shape on WorkflowCore 3.22 in memory: each client starts an instance that waits for the event "Go"
// with its own key, and publishes that event; the figure is instances from the first start until the last one
// completed. Prints one line: "instances=<n> seconds=<s> per_second=<r>", which the benchmark reads.
var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

var services = new ServiceCollection();
services.AddLogging();
services.AddWorkflow();
await using var provider = services.BuildServiceProvider();
var host = provider.GetRequiredService<IWorkflowHost>();
host.RegisterWorkflow<WaitThenFinish, WaitData>();
var completed = 0;
var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var target = 0;
host.OnLifeCycleEvent += e =>
{
    if (e is WorkflowCompleted && Interlocked.Increment(ref completed) == Volatile.Read(ref target))
    {
        allDone.TrySetResult();
    }
};
await host.StartAsync(CancellationToken.None);

// A warm-up batch, so JIT and the queue's threads are ready, as the engine's are after the earlier parts.
await RoundTripsAsync("warmup", 200);
var watch = Stopwatch.StartNew();
await RoundTripsAsync("run", instances);
watch.Stop();
await host.StopAsync(CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"instances={instances} seconds={watch.Elapsed.TotalSeconds:F3} per_second={instances / watch.Elapsed.TotalSeconds:F1}"));
return 0;

async Task RoundTripsAsync(string prefix, int count)
{
    Volatile.Write(ref completed, 0);
    Volatile.Write(ref target, count);
    allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, _) =>
    {
        var key = $"{prefix}-{i}";
        await host.StartWorkflow("bench-wait", 1, new WaitData { Key = key });
        await host.PublishEvent("Go", key, null);
    });
    if (await Task.WhenAny(allDone.Task, Task.Delay(TimeSpan.FromMinutes(5))) != allDone.Task)
    {
        throw new TimeoutException($"{prefix}: {Volatile.Read(ref completed)} of {count} completed within 5 minutes");
    }
}

/// <summary>The instance's data: its event key, and whether it finished.</summary>
internal sealed class WaitData
{
    public string Key { get; set; } = "";

    public bool Finished { get; set; }
}

/// <summary>Start → wait for "Go" with the instance's key → set a variable → end, like BenchDefinitions.WaitThenFinish.</summary>
internal sealed class WaitThenFinish : IWorkflow<WaitData>
{
    public string Id => "bench-wait";

    public int Version => 1;

    public void Build(IWorkflowBuilder<WaitData> builder) =>
        builder
            .StartWith(_ => ExecutionResult.Next())
            // Effective from the beginning of time: an event published before the wait is reached still resumes it.
            .WaitFor("Go", data => data.Key, _ => DateTime.MinValue)
            .Then(context =>
            {
                ((WaitData)context.Workflow.Data).Finished = true;
                return ExecutionResult.Next();
            });
}
