using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Expressions;

/// <summary>
/// JavaScript runs in Jint without CLR access and under time, statement, memory and recursion limits.
/// A script that tries to break out, or breaks a limit, faults its activity with a message naming
/// the activity and the input.
/// </summary>
public sealed class SandboxTests
{
    private readonly TestEngine _engine = new();

    private Task<(WorkflowRun Run, BurstResult Result)> EvaluateAsync(string script, TestEngine? engine = null)
    {
        var flow = new Flow()
            .Variable("loot", null)
            .Add("start", "Start")
            .Add("grab", "SetVariable", new { variable = "loot", value = Js(script) })
            .Chain("start", "grab");
        return (engine ?? _engine).StartAsync(flow);
    }

    private static string AssertFaultedInput((WorkflowRun Run, BurstResult Result) outcome)
    {
        var (run, result) = outcome;
        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("grab", result.Incident!.ActivityId);
        Assert.StartsWith("activity 'grab' (SetVariable): input 'value': ", result.Incident.Error);
        Assert.Null(run.State.Variables["loot"]);
        Assert.DoesNotContain("root:", result.Incident.Error);
        return result.Incident.Error;
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System').IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("require('fs').readFileSync('/etc/passwd', 'utf8')")]
    [InlineData("this.constructor.constructor('return process')().env")]
    [InlineData("variables.constructor.constructor('return System.IO.File')().ReadAllText('/etc/passwd')")]
    [InlineData("Function('return importNamespace(\"System.IO\")')().File.ReadAllText('/etc/passwd')")]
    [InlineData("eval('System.Environment.GetEnvironmentVariable(\"PATH\")')")]
    [InlineData("clrHelper.getType('System.IO.File')")]
    [InlineData("variables.GetType().Assembly")]
    [InlineData("instanceId.GetType()")]
    public async Task Script_reaching_for_the_CLR_or_the_host_faults_and_gets_nothing(string script)
    {
        var error = AssertFaultedInput(await EvaluateAsync(script));

        Assert.Contains("JavaScript error", error);
    }

    [Fact]
    public async Task Script_sees_no_host_bridge_objects()
    {
        var (run, result) = await EvaluateAsync(
            "[typeof System, typeof importNamespace, typeof require, typeof process, typeof clrHelper, typeof host, typeof globalThis.Console].join(',')");

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal("undefined,undefined,undefined,undefined,undefined,undefined,undefined", run.State.Variables["loot"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) { }")]
    [InlineData("var i = 0; do { i++; } while (i >= 0)")]
    public async Task Endless_loop_is_stopped(string script)
    {
        var error = AssertFaultedInput(await EvaluateAsync(script));

        Assert.Contains("and was stopped", error);
    }

    [Fact]
    public async Task Endless_loop_under_a_generous_statement_limit_is_stopped_by_the_time_limit()
    {
        var engine = new TestEngine(limits: new SandboxLimits { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) });

        var error = AssertFaultedInput(await EvaluateAsync("while (true) {}", engine));

        Assert.Contains("JavaScript ran longer than 200 ms and was stopped", error);
    }

    [Fact]
    public async Task Catastrophic_regular_expression_is_stopped_by_the_time_limit()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = AssertFaultedInput(await EvaluateAsync("/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')"));

        Assert.Contains("JavaScript ran longer than 500 ms and was stopped", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped only after {clock.Elapsed}");
    }

    [Fact]
    public async Task Statement_limit_stops_a_long_loop()
    {
        var engine = new TestEngine(limits: new SandboxLimits { MaxStatements = 1_000, Timeout = TimeSpan.FromSeconds(30) });

        var error = AssertFaultedInput(await EvaluateAsync("var n = 0; for (var i = 0; i < 100000; i++) { n += i; } n", engine));

        Assert.Contains("JavaScript ran more than 1000 statements and was stopped", error);
    }

    [Theory]
    [InlineData("var a = []; while (true) { a.push(new Array(100000).fill(1)); }")]
    [InlineData("var s = 'x'; for (var i = 0; i < 40; i++) { s = s + s; } s.length")]
    [InlineData("new Array(1e8).join('x').length")]
    [InlineData("'x'.padEnd(1e8)")]
    [InlineData("'x'.repeat(1e7)")]
    [InlineData("'x'.repeat(1e8).length")]
    public async Task Huge_allocation_is_stopped_by_the_memory_limit(string script)
    {
        // A generous time limit, so on a busy machine it is the memory limit (under test) that stops the script.
        var engine = new TestEngine(limits: new SandboxLimits { Timeout = TimeSpan.FromSeconds(30) });

        var error = AssertFaultedInput(await EvaluateAsync(script, engine));

        Assert.Contains("JavaScript used more than 8000000 bytes and was stopped", error);
    }

    [Fact]
    public async Task String_longer_than_the_memory_limit_is_refused_before_it_is_allocated()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = AssertFaultedInput(await EvaluateAsync("'x'.repeat(1e9)"));

        Assert.Contains("JavaScript used more than 8000000 bytes and was stopped", error);
        Assert.Contains("refused before it ran", error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000_000, "the gigantic string was allocated before it was refused");
    }

    [Theory]
    [InlineData("function f() { return f(); } f()")]
    [InlineData("var g = function (n) { return g(n + 1) + 1; }; g(0)")]
    public async Task Deep_recursion_is_stopped_by_the_recursion_limit(string script)
    {
        var error = AssertFaultedInput(await EvaluateAsync(script));

        Assert.Contains("JavaScript recursed deeper than 64 calls and was stopped", error);
    }

    [Theory]
    [InlineData("null.x", "JavaScript error")]
    [InlineData("undefinedName + 1", "undefinedName is not defined")]
    [InlineData("throw new Error('custom failure')", "custom failure")]
    [InlineData("var o = {}; o.self = o; o", "JavaScript error")]
    public async Task Script_that_throws_faults_naming_the_activity_and_input(string script, string message)
    {
        var error = AssertFaultedInput(await EvaluateAsync(script));

        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Switch_condition_that_never_ends_faults_the_switch()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("route", "Switch", new { cases = new[] { new { port = "Spin", condition = "while (true) {} " } } })
            .Add("spin", "Log", new { message = "never" })
            .Chain("start", "route")
            .Connect("route:Spin", "spin");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("route", result.Incident!.ActivityId);
        Assert.StartsWith("activity 'route' (Switch) failed: ", result.Incident.Error);
        Assert.Contains("was stopped", result.Incident.Error);
    }
}
