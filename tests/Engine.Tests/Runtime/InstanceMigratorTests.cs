using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests.Runtime;

/// <summary>When an instance may move to another version of its definition, and what moving does to its state.</summary>
public sealed class InstanceMigratorTests
{
    private readonly TestEngine _engine = new();

    /// <summary>v1: start → wait for Go → log, with variable <c>count</c>.</summary>
    private static Flow Version1() => new Flow()
        .Variable("count", 1)
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", new { eventName = "Go" })
        .Add("log", "Log", new { message = "done" })
        .Chain("start", "wait", "log");

    private CompiledDefinition Compile(Flow flow, int version)
    {
        var json = flow.ToJson();
        json["version"] = version;
        return _engine.Compile(json);
    }

    private async Task<WorkflowRun> SuspendedOnV1()
    {
        var (run, result) = await _engine.StartAsync(Version1());
        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        return run;
    }

    private static IReadOnlyList<MigrationProblem> Check(WorkflowRun run, CompiledDefinition target, WorkflowStatus status = WorkflowStatus.Suspended) =>
        InstanceMigrator.Check(status, run.State, run.Open, run.Definition, target);

    [Fact]
    public async Task Instance_moves_when_its_wait_and_variables_exist_in_the_target_and_new_variables_get_defaults()
    {
        var run = await SuspendedOnV1();
        var v2 = Compile(
            new Flow()
                .Variable("count", 1)
                .Variable("note", "from v2")
                .Add("start", "Start")
                .Add("wait", "WaitForEvent", new { eventName = "Go" })
                .Add("stamp", "SetVariable", new { variable = "note", value = "stamped by v2" })
                .Add("log", "Log", new { message = "done" })
                .Chain("start", "wait", "stamp", "log"),
            version: 2);

        Assert.Empty(Check(run, v2));
        var added = InstanceMigrator.Apply(run.State, v2);

        Assert.Equal(["note"], added);
        Assert.Equal("from v2", run.State.Variables["note"]!.GetValue<string>());
        Assert.Equal(1, run.State.Variables["count"]!.GetValue<int>());

        // The moved state resumes under v2 and runs v2's new step.
        var wait = run.OpenOf("wait");
        var resumed = await _engine.Interpreter.RunAsync(
            new BurstRequest(v2, run.InstanceId, run.CorrelationId, run.State, new BurstTrigger.Resume(wait, new JsonObject()), []),
            CancellationToken.None);
        TestEngine.AssertStatus(WorkflowStatus.Completed, resumed);
        Assert.Equal(["wait", "stamp", "log"], resumed.Journal.Select(j => j.ActivityId));
        Assert.Equal("stamped by v2", run.State.Variables["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Waiting_activity_missing_from_the_target_is_refused_naming_it()
    {
        var run = await SuspendedOnV1();
        var v2 = Compile(
            new Flow().Variable("count").Add("start", "Start").Add("approve", "WaitForEvent", new { eventName = "Go" }).Chain("start", "approve"),
            version: 2);

        var problem = Assert.Single(Check(run, v2));

        Assert.Equal("waits.wait", problem.Field);
        Assert.Equal("activity 'wait' waits (Go), but version 2 has no activity 'wait'", problem.Message);
    }

    [Fact]
    public async Task Waiting_activity_whose_type_changed_is_refused_naming_both_types()
    {
        var run = await SuspendedOnV1();
        var v2 = Compile(
            new Flow().Variable("count").Add("start", "Start").Add("wait", "Delay", new { duration = "PT1H" }).Chain("start", "wait"),
            version: 2);

        var problem = Assert.Single(Check(run, v2));

        Assert.Equal("waits.wait", problem.Field);
        Assert.Contains("as a WaitForEvent, but in version 2 'wait' is a Delay", problem.Message);
    }

    [Fact]
    public async Task Variable_the_target_does_not_declare_is_refused()
    {
        var run = await SuspendedOnV1();
        var v2 = Compile(
            new Flow().Add("start", "Start").Add("wait", "WaitForEvent", new { eventName = "Go" }).Chain("start", "wait"),
            version: 2);

        var problem = Assert.Single(Check(run, v2));

        Assert.Equal("variables.count", problem.Field);
        Assert.Equal("the instance holds variable 'count' but version 2 does not declare it", problem.Message);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        var run = await SuspendedOnV1();
        var v2 = Compile(new Flow().Add("start", "Start").Add("other", "Log", new { message = "x" }).Chain("start", "other"), version: 2);

        var problems = Check(run, v2, WorkflowStatus.Faulted);

        Assert.Equal(["status", "waits.wait", "variables.count"], problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Moving_to_the_version_it_already_runs_is_refused()
    {
        var run = await SuspendedOnV1();

        var problem = Assert.Single(Check(run, run.Definition));

        Assert.Equal(("targetVersion", "the instance already runs version 1"), (problem.Field, problem.Message));
    }

    [Fact]
    public async Task Join_with_arrived_branches_and_loop_state_must_exist_in_the_target()
    {
        // A loop waits inside its body, and a WaitAll join holds the branch that finished.
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Loop", "Quick" } })
            .Add("each", "ForEach", new { items = new[] { 1, 2 } })
            .Add("wait", "WaitForEvent", new { eventName = "Go" })
            .Add("quick", "Log", new { message = "quick" })
            .Add("both", "Join", new { mode = "WaitAll" })
            .Chain("start", "fork")
            .Connect("fork:Loop", "each")
            .Connect("each:Iterate", "wait")
            .Connect("wait", "each")
            .Connect("each:Done", "both")
            .Connect("fork:Quick", "quick")
            .Connect("quick", "both");
        var (run, result) = await _engine.StartAsync(flow);
        TestEngine.AssertStatus(WorkflowStatus.Suspended, result);
        Assert.NotEmpty(run.State.JoinArrivals["both"]);
        Assert.NotNull(run.State.ActivityState["each"]);
        var v2 = Compile(
            new Flow()
                .Add("start", "Start")
                .Add("each", "Log", new { message = "no loop any more" })
                .Add("wait", "WaitForEvent", new { eventName = "Go" })
                .Chain("start", "each", "wait"),
            version: 2);

        var problems = Check(run, v2);

        Assert.Equal(["joins.both", "activityState.each"], problems.Select(p => p.Field));
        Assert.Contains("version 2 has no activity 'both'", problems[0].Message);
        Assert.Contains("as a ForEach, but in version 2 'each' is a Log", problems[1].Message);
    }

    [Fact]
    public async Task Join_whose_arrived_branch_no_longer_leads_there_is_refused()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("fork", "Fork", new { branches = new[] { "Wait", "Quick" } })
            .Add("wait", "WaitForEvent", new { eventName = "Go" })
            .Add("quick", "Log", new { message = "quick" })
            .Add("both", "Join", new { mode = "WaitAll" })
            .Chain("start", "fork")
            .Connect("fork:Wait", "wait")
            .Connect("fork:Quick", "quick")
            .Chain("wait", "both")
            .Chain("quick", "both");
        var (run, _) = await _engine.StartAsync(flow);
        var v2 = Compile(
            new Flow()
                .Add("start", "Start")
                .Add("fork", "Fork", new { branches = new[] { "Wait", "Quick" } })
                .Add("wait", "WaitForEvent", new { eventName = "Go" })
                .Add("quick", "Log", new { message = "quick" })
                .Add("check", "Log", new { message = "new step" })
                .Add("both", "Join", new { mode = "WaitAll" })
                .Chain("start", "fork")
                .Connect("fork:Wait", "wait")
                .Connect("fork:Quick", "quick")
                .Chain("wait", "both")
                .Chain("quick", "check", "both"),
            version: 2);

        var problem = Assert.Single(Check(run, v2));

        Assert.Equal("joins.both", problem.Field);
        Assert.Contains("the branch from 'quick:Done' arrived at join 'both', but in version 2 no connection from it leads there", problem.Message);
    }

    [Fact]
    public async Task Pending_retry_of_an_activity_missing_from_the_target_is_refused()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("call", "Test.Flaky", new { failures = 1 })
            .Chain("start", "call")
            .Retry("call", new { maxAttempts = 3 });
        var (run, result) = await _engine.StartAsync(flow);
        Assert.Single(result.ScheduledRetries);
        var v2 = Compile(new Flow().Add("start", "Start").Add("log", "Log", new { message = "x" }).Chain("start", "log"), version: 2);

        var problem = Assert.Single(Check(run, v2));

        Assert.Equal("retries.call", problem.Field);
        Assert.Equal("activity 'call' has a retry pending, but version 2 has no activity 'call'", problem.Message);
    }

    [Fact]
    public async Task Activity_a_paused_burst_left_due_must_exist_in_the_target()
    {
        var engine = new TestEngine(new InterpreterOptions { StepsPerBurst = 2 });
        var json = new Flow().Add("start", "Start").Add("first", "Log", new { message = "1" }).Add("second", "Log", new { message = "2" }).Chain("start", "first", "second").ToJson();
        var run = engine.Run(json);
        var result = await run.StartAsync();
        Assert.True(result.Paused);
        var v2 = Compile(new Flow().Add("start", "Start").Add("first", "Log", new { message = "1" }).Chain("start", "first"), version: 2);

        var problem = Assert.Single(Check(run, v2, WorkflowStatus.Running));

        Assert.Equal("pending.second", problem.Field);
        Assert.Equal("activity 'second' is due to run next (a long burst paused before it), but version 2 has no activity 'second'", problem.Message);
    }
}
