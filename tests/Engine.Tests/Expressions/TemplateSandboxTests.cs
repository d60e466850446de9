using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Expressions;

/// <summary>
/// <c>$template</c> inputs render under the sandbox's limits (issue 13: a template looping a catastrophic regular
/// expression ran 63.5 s inside a transaction, each match allowed 10 s): a time budget per render, 500 ms per
/// regular expression match as in JavaScript, a loop limit and an output limit. Each breach faults the activity.
/// </summary>
public sealed class TemplateSandboxTests
{
    private static async Task<string> FaultAsync(string template, SandboxLimits? limits = null)
    {
        var engine = new TestEngine(limits: limits);
        var flow = new Flow()
            .Add("start", "Start")
            .Add("log", "Log", new { message = Template(template) })
            .Chain("start", "log");

        var (_, result) = await engine.StartAsync(flow, new { text = new string('a', 40) + "!" });

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.StartsWith("activity 'log' (Log): input 'message': template", result.Incident!.Error);
        return result.Incident.Error;
    }

    [Fact]
    public async Task Catastrophic_regular_expression_in_a_loop_is_stopped_at_the_first_match()
    {
        var error = await FaultAsync("{{ for i in 1..100 }}{{ input.text | regex.match '(a+)+$' }}{{ end }}");

        Assert.True(error.Contains("ran longer than 500 ms and was stopped", StringComparison.Ordinal), error);
    }

    [Fact]
    public async Task Render_that_runs_past_its_time_budget_is_stopped()
    {
        // Regular expressions may take their time here: it is the render's own budget that must stop the loop.
        var limits = new SandboxLimits { TemplateTimeout = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) };

        var error = await FaultAsync("{{ for i in 1..999 }}{{ x = 'a' | string.pad_left 150000 | string.replace 'a' 'b' }}{{ end }}", limits);

        Assert.Contains("template ran longer than 50 ms and was stopped", error);
    }

    [Theory]
    [InlineData("{{ for i in 1..100000 }}{{ end }}")]
    [InlineData("{{ for i in 1..50 }}{{ for j in 1..50 }}{{ end }}{{ end }}")]
    [InlineData("{{ (1..100000000) | array.join ',' }}")]
    public async Task Loops_beyond_the_loop_limit_are_stopped(string template)
    {
        var error = await FaultAsync(template);

        Assert.Contains("template error", error);
    }

    [Theory]
    [InlineData("{{ 'x' | string.pad_left 300000000 }}")]
    [InlineData("{{ for i in 1..999 }}{{ 'x' | string.pad_left 1000 }}{{ end }}")]
    public async Task Output_beyond_the_limit_is_refused_before_it_is_built(string template)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = await FaultAsync(template);

        Assert.Contains("template", error);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64_000_000, "the output was built before it was refused");
    }
}
