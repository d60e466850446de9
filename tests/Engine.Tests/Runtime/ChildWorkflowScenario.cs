using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Engine.Runtime.Views;
using Sleek.Workflows.Engine.Tests.Persistence;
using Sleek.Workflows.TestSupport;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>
/// Child workflows on the durable runtime (issue 16 part 1): ExecuteWorkflow waits for its child and continues through
/// Completed or Faulted with the child's outcome; DispatchWorkflow goes on at once; a parent's cancel cancels its
/// children (recursively); a child cancelled on its own resumes its parent through Faulted; one child per activity
/// execution; the views link parent and child both ways. Written once, run on each database (the subclasses at the end).
/// </summary>
public abstract class ChildWorkflowScenario(EngineDatabase database)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExecuteWorkflow_waits_for_its_child_and_continues_through_Completed_with_its_output_and_the_views_link_both_ways()
    {
        await using var engine = await StartAsync(Doubler("cw-double"), Caller("cw-caller", "cw-double"));

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-caller", null, "order-1", new JsonObject { ["n"] = 21 }), CancellationToken.None);
        Assert.Equal(OperationStatus.Created, started.Status);
        var parent = await FinishedAsync(engine, started.Value!.Id);

        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        Assert.Equal(42, parent.Variables["got"]!.GetValue<int>());
        Assert.Equal("Completed", parent.Variables["childStatus"]!.GetValue<string>());
        var child = Assert.Single(parent.Children!);
        Assert.Equal(("cw-double", 1, WorkflowStatus.Completed, "call"), (child.DefinitionId, child.Version, child.Status, child.ActivityId));

        var childView = (await engine.Queries.GetAsync(child.Id, includeJournal: false, CancellationToken.None))!;
        Assert.Equal(new ParentLinkView(parent.Id, "call"), childView.Parent);
        Assert.Equal("order-1", childView.CorrelationId);
        Assert.Equal(21, childView.Input["n"]!.GetValue<int>());
        Assert.Null(parent.Parent);
    }

    [Fact]
    public async Task A_faulted_child_resumes_its_parent_through_Faulted_with_the_error()
    {
        var failing = new Flow { DefinitionId = "cw-fails" }.Add("start", "Start").Add("boom", "Fault", new { message = "out of stock" }).Chain("start", "boom");
        await using var engine = await StartAsync(failing.ToJson(), Caller("cw-caller-f", "cw-fails"));

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-caller-f", null, "order-2", new JsonObject { ["n"] = 1 }), CancellationToken.None);
        var parent = await FinishedAsync(engine, started.Value!.Id);

        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        Assert.Equal("Faulted", parent.Variables["childStatus"]!.GetValue<string>());
        Assert.Contains("out of stock", parent.Variables["childError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Faulted, Assert.Single(parent.Children!).Status);
    }

    [Fact]
    public async Task Cancelling_a_parent_cancels_its_children_and_their_children_and_leaves_no_work()
    {
        var leaf = new Flow { DefinitionId = "cw-leaf" }.Add("start", "Start").Add("wait", "WaitForEvent", new { eventName = "Never" }).Chain("start", "wait");
        var middle = new Flow { DefinitionId = "cw-middle" }.Add("start", "Start").Add("call", "ExecuteWorkflow", new { workflowId = "cw-leaf" }).Chain("start", "call");
        var top = new Flow { DefinitionId = "cw-top" }.Add("start", "Start").Add("call", "ExecuteWorkflow", new { workflowId = "cw-middle" })
            .Add("also", "DispatchWorkflow", new { workflowId = "cw-leaf" }).Chain("start", "also", "call");
        await using var engine = await StartAsync(leaf.ToJson(), middle.ToJson(), top.ToJson());

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-top", null, "order-3", null), CancellationToken.None);
        var id = started.Value!.Id;
        var leaves = await Eventually.UntilAsync(
            () => InstancesAsync(engine, "cw-leaf"),
            l => l.Count == 2 && l.All(i => i.Status == WorkflowStatus.Suspended),
            "both leaves to wait",
            l => string.Join(", ", l.Select(i => $"{i.Id} {i.Status}")),
            Patience);

        var cancelled = await engine.Runtime.CancelAsync(id, "customer withdrew", CancellationToken.None);
        Assert.Equal(OperationStatus.Ok, cancelled.Status);

        await using var db = engine.Db.CreateContext();
        var family = await db.Instances.AsNoTracking().Where(i => i.CorrelationId == "order-3").ToListAsync();
        Assert.Equal(4, family.Count);
        Assert.All(family, i => Assert.Equal(WorkflowStatus.Cancelled, i.Status));
        var ids = family.Select(i => i.Id).ToList();
        Assert.False(await db.WorkItems.AnyAsync(w => ids.Contains(w.InstanceId)));
        Assert.False(await db.Bookmarks.AnyAsync(b => ids.Contains(b.InstanceId) && b.ConsumedAt == null));
        Assert.All(leaves, l => Assert.Contains(l.Id, ids));
    }

    [Fact]
    public async Task A_child_cancelled_on_its_own_resumes_its_parent_through_Faulted_and_a_caller_cannot_resume_the_parents_wait()
    {
        var waiting = new Flow { DefinitionId = "cw-waits" }.Add("start", "Start").Add("wait", "WaitForEvent", new { eventName = "Never" }).Chain("start", "wait");
        await using var engine = await StartAsync(waiting.ToJson(), Caller("cw-caller-c", "cw-waits"));

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-caller-c", null, "order-4", new JsonObject { ["n"] = 1 }), CancellationToken.None);
        var id = started.Value!.Id;
        var parent = await Eventually.UntilAsync(
            () => engine.Queries.GetAsync(id, false, CancellationToken.None),
            p => p!.Children is [{ Status: WorkflowStatus.Suspended }],
            "the child to wait",
            p => $"{p!.Status}, children {p.Children?.Count}",
            Patience);

        // The parent's wait is resumed only by its child: a token resume is refused, whoever holds the token.
        var wait = Assert.Single(parent!.Bookmarks);
        var forged = await engine.Runtime.ResumeAsync(wait.Token, new JsonObject { ["status"] = "Completed" }, ResumeCaller.Internal("test"), CancellationToken.None);
        Assert.Equal(OperationStatus.Invalid, forged.Status);

        var child = parent.Children![0].Id;
        Assert.Equal(OperationStatus.Ok, (await engine.Runtime.CancelAsync(child, "not needed", CancellationToken.None)).Status);
        var done = await FinishedAsync(engine, id);
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal("Cancelled", done.Variables["childStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_execution_of_ExecuteWorkflow_in_a_loop_starts_exactly_one_child()
    {
        var loop = new Flow { DefinitionId = "cw-loop" }
            .Variable("sum", 0)
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Flow.Js("[1, 2, 3]") })
            .Add("call", "ExecuteWorkflow", new { workflowId = "cw-double-loop", input = Flow.Js("({ n: outputs.each.item })") })
            .Add("add", "SetVariable", new { variable = "sum", value = Flow.Js("variables.sum + outputs.call.output.result") })
            .Add("end", "End")
            .Connect("start", "each").Connect("each:Iterate", "call").Connect("call:Completed", "add").Connect("add", "each").Connect("each:Done", "end");
        await using var engine = await StartAsync(Doubler("cw-double-loop"), loop.ToJson());

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-loop", null, "order-5", null), CancellationToken.None);
        var parent = await FinishedAsync(engine, started.Value!.Id);

        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        Assert.Equal(12, parent.Variables["sum"]!.GetValue<int>());
        await using var db = engine.Db.CreateContext();
        var children = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == parent.Id).OrderBy(i => i.ParentExecutionNumber).ToListAsync();
        Assert.Equal([1, 2, 3], children.Select(c => c.ParentExecutionNumber!.Value));
        Assert.All(children, c => Assert.Equal(WorkflowStatus.Completed, c.Status));
        Assert.Equal(3, await db.Journal.CountAsync(j => j.InstanceId == parent.Id && j.ActivityId == "call" && j.Event == JournalEvent.Waiting));
    }

    [Fact]
    public async Task DispatchWorkflow_goes_on_at_once_and_its_child_runs_on_its_own()
    {
        var dispatcher = new Flow { DefinitionId = "cw-dispatcher" }
            .Add("start", "Start").Add("go", "DispatchWorkflow", new { workflowId = "cw-double-dispatched", input = new { n = 5 }, correlationId = "child-corr" }).Add("end", "End")
            .Chain("start", "go", "end");
        await using var engine = await StartAsync(Doubler("cw-double-dispatched"), dispatcher.ToJson());

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-dispatcher", null, "order-6", null), CancellationToken.None);
        Assert.Equal(WorkflowStatus.Completed, started.Value!.Status);
        var parent = (await engine.Queries.GetAsync(started.Value.Id, includeJournal: true, CancellationToken.None))!;
        var childId = Guid.Parse(parent.Journal.Single(j => j.ActivityId == "go").Output!["instanceId"]!.GetValue<string>());
        var child = await FinishedAsync(engine, childId);
        Assert.Equal(WorkflowStatus.Completed, child.Status);
        Assert.Equal(10, child.Variables["result"]!.GetValue<int>());
        Assert.Equal("child-corr", child.CorrelationId);
        Assert.Equal(parent.Id, child.Parent!.InstanceId);
    }

    [Fact]
    public async Task A_child_of_a_workflow_that_is_not_published_faults_the_parent_with_an_incident_naming_it()
    {
        var caller = new Flow { DefinitionId = "cw-missing" }.Add("start", "Start").Add("call", "ExecuteWorkflow", new { workflowId = "no-such-flow" }).Chain("start", "call");
        await using var engine = await StartAsync(caller.ToJson());

        var started = await engine.Runtime.StartAsync(new StartRequest("cw-missing", null, null, null), CancellationToken.None);
        var parent = await FinishedAsync(engine, started.Value!.Id);
        Assert.Equal(WorkflowStatus.Faulted, parent.Status);
        Assert.Contains("'no-such-flow' does not exist", parent.Incidents[0].Error, StringComparison.Ordinal);
        Assert.Null(parent.Children);
    }

    [Fact]
    public async Task The_sample_order_lines_sums_what_its_line_children_return()
    {
        await using var engine = await StartAsync(TestEngine.LoadWorkflowFile("sample-line-total", 1).AsObject(), TestEngine.LoadWorkflowFile("sample-order-lines", 1).AsObject());
        var lines = JsonNode.Parse("""[{"sku":"JKT-1","qty":2,"price":40},{"sku":"TEE-3","qty":5,"price":8}]""")!;

        var started = await engine.Runtime.StartAsync(new StartRequest("sample-order-lines", null, "PO-1", new JsonObject { ["lines"] = lines }), CancellationToken.None);
        var parent = await FinishedAsync(engine, started.Value!.Id);

        Assert.Equal(WorkflowStatus.Completed, parent.Status);
        Assert.Equal(120, parent.Variables["total"]!.GetValue<double>());
        Assert.False(parent.Variables["failed"]!.GetValue<bool>());
        Assert.Equal(2, parent.Children!.Count(c => c.DefinitionId == "sample-line-total" && c.ActivityId == "line"));
    }

    /// <summary>input.n → variables.result = 2n.</summary>
    private static JsonObject Doubler(string id) => new Flow { DefinitionId = id }
        .Variable("result", 0)
        .Add("start", "Start").Add("double", "SetVariable", new { variable = "result", value = Flow.Js("input.n * 2") }).Add("end", "End")
        .Chain("start", "double", "end").ToJson();

    /// <summary>ExecuteWorkflow(<paramref name="child"/>, {n: input.n}) → Completed: got, Faulted: childError; childStatus either way.</summary>
    private static JsonObject Caller(string id, string child) => new Flow { DefinitionId = id }
        .Variable("got", null).Variable("childStatus", null).Variable("childError", null)
        .Add("start", "Start")
        .Add("call", "ExecuteWorkflow", new { workflowId = child, input = Flow.Js("({ n: input.n })") })
        .Add("got", "SetVariable", new { variable = "got", value = Flow.Js("outputs.call.output.result") })
        .Add("failed", "SetVariable", new { variable = "childError", value = Flow.Js("outputs.call.error") })
        .Add("status", "SetVariable", new { variable = "childStatus", value = Flow.Js("outputs.call.status") })
        .Add("end", "End")
        .Connect("start", "call").Connect("call:Completed", "got").Connect("call:Faulted", "failed").Connect("got", "status").Connect("failed", "status").Connect("status", "end")
        .ToJson();

    private static Task<InstanceView> FinishedAsync(RunningEngine engine, Guid id) => Eventually.UntilAsync(
        () => engine.Queries.GetAsync(id, false, CancellationToken.None),
        i => i!.Status is WorkflowStatus.Completed or WorkflowStatus.Faulted or WorkflowStatus.Cancelled,
        $"instance {id} to finish",
        i => $"{i!.Status} {i.Error}",
        Patience)!;

    private static async Task<List<Engine.Persistence.WorkflowInstanceRecord>> InstancesAsync(RunningEngine engine, string definitionId)
    {
        await using var db = engine.Db.CreateContext();
        return await db.Instances.AsNoTracking().Where(i => i.DefinitionId == definitionId).ToListAsync();
    }

    private Task<RunningEngine> StartAsync(params JsonObject[] definitions) => RunningEngine.StartAsync(database.Db.Options, _ => { }, definitions);
}

public sealed class ChildWorkflowsOnPostgres(PostgresEngineDatabase database) : ChildWorkflowScenario(database), IClassFixture<PostgresEngineDatabase>;

public sealed class ChildWorkflowsOnSqlite(SqliteEngineDatabase database) : ChildWorkflowScenario(database), IClassFixture<SqliteEngineDatabase>;
