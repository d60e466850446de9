using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Tests.Persistence;
using Sleek.Workflows.TestSupport;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>
/// A ForEach over 10,000 items on the durable runtime (issue 13: such a list ran the host out of memory): the loop
/// runs in bursts of at most <see cref="InterpreterOptions.StepsPerBurst"/> activities, each committed on its own,
/// and every item's body runs exactly once. Written once, run on each database (the subclasses at the end).
/// </summary>
public abstract class LongLoopScenario(EngineDatabase database)
{
    private const int Items = 10_000;

    [Fact]
    public async Task ForEach_over_10000_items_completes_in_bounded_bursts_running_each_body_once()
    {
        using var bursts = new BurstSteps();
        await using var engine = await RunningEngine.StartAsync(database.Db.Options, _ => { }, Definition());
        var items = new JsonArray();
        for (var i = 0; i < Items; i++)
        {
            items.Add(new JsonObject { ["sku"] = $"SKU-{i}", ["qty"] = i % 7 });
        }

        var started = await engine.Runtime.StartAsync(new StartRequest("long-loop", null, "loop-1", new JsonObject { ["items"] = items }), CancellationToken.None);
        var id = started.Value!.Id;
        var done = await Eventually.UntilAsync(
            () => engine.Queries.GetAsync(id, includeJournal: false, CancellationToken.None),
            i => i!.Status is WorkflowStatus.Completed or WorkflowStatus.Faulted,
            "the loop to finish",
            i => $"{i!.Status}, count {i.Variables["count"]}",
            timeout: TimeSpan.FromMinutes(5));

        Assert.True(done!.Status == WorkflowStatus.Completed, string.Join("; ", done.Incidents.Select(i => i.Error)));
        Assert.Equal(Items, done.Variables["count"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, Items).Sum(i => i % 7), done.Variables["sum"]!.GetValue<int>());
        await using (var db = engine.Db.CreateContext())
        {
            foreach (var body in new[] { "count", "add" })
            {
                var runs = await db.Journal.Where(j => j.InstanceId == id && j.ActivityId == body).Select(j => j.ExecutionNumber).ToListAsync();
                Assert.Equal(Enumerable.Range(1, Items), runs.Order());
            }
        }

        // start, keep, 10,001 × each, 10,000 × (count, add), end — in bursts of at most the bound, each committed.
        var steps = bursts.Of(id);
        var bound = new InterpreterOptions().StepsPerBurst;
        Assert.Equal(30_004, steps.Sum());
        Assert.All(steps, s => Assert.InRange(s, 0, bound));
        Assert.True(steps.Count >= 30_004 / bound, $"{steps.Count} bursts");
    }

    private static JsonObject Definition() => JsonNode.Parse("""
        {
          "definitionId": "long-loop", "version": 1, "name": "A loop over a long list",
          "variables": [
            { "name": "items", "type": "any", "default": null },
            { "name": "count", "type": "any", "default": 0 },
            { "name": "sum", "type": "any", "default": 0 }
          ],
          "root": {
            "activities": [
              { "id": "start", "type": "Start" },
              { "id": "keep", "type": "SetVariable", "inputs": { "variable": "items", "value": { "$js": "input.items" } } },
              { "id": "each", "type": "ForEach", "inputs": { "items": { "$var": "items" } } },
              { "id": "count", "type": "SetVariable", "inputs": { "variable": "count", "value": { "$js": "variables.count + 1" } } },
              { "id": "add", "type": "SetVariable", "inputs": { "variable": "sum", "value": { "$js": "variables.sum + outputs.each.item.qty" } } },
              { "id": "end", "type": "End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "keep" } },
              { "source": { "activity": "keep", "port": "Done" }, "target": { "activity": "each" } },
              { "source": { "activity": "each", "port": "Iterate" }, "target": { "activity": "count" } },
              { "source": { "activity": "count", "port": "Done" }, "target": { "activity": "add" } },
              { "source": { "activity": "add", "port": "Done" }, "target": { "activity": "each" } },
              { "source": { "activity": "each", "port": "Done" }, "target": { "activity": "end" } }
            ]
          }
        }
        """)!.AsObject();

    /// <summary>The steps of every burst span the engine ends (<c>sleek.steps</c>), by instance.</summary>
    private sealed class BurstSteps : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, ConcurrentQueue<int>> _steps = new();
        private readonly ActivityListener _listener;

        public BurstSteps()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EngineTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = span =>
                {
                    if (span.OperationName == "burst" && span.GetTagItem("sleek.instance.id") is Guid instance && span.GetTagItem("sleek.steps") is int steps)
                    {
                        _steps.GetOrAdd(instance, _ => new()).Enqueue(steps);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public List<int> Of(Guid instance) => _steps.TryGetValue(instance, out var steps) ? [.. steps] : [];

        public void Dispose() => _listener.Dispose();
    }
}

public sealed class LongLoopOnPostgres(PostgresEngineDatabase database) : LongLoopScenario(database), IClassFixture<PostgresEngineDatabase>;

public sealed class LongLoopOnSqlite(SqliteEngineDatabase database) : LongLoopScenario(database), IClassFixture<SqliteEngineDatabase>;
