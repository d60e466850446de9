using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Expressions;

/// <summary>
/// Scripts that got around the memory limit (issue 13): one built-in call, or one expression, built far more than
/// the limit before Jint's next check, and the host ran out of memory and retried the work. Each is now stopped
/// before it allocates: the activity faults with the limit's message (an incident, no retry), having allocated a
/// small fraction of what it asked for. A script cannot catch the limit.
/// </summary>
public sealed class SandboxEscapeTests
{
    private readonly TestEngine _engine = new();

    private async Task<(string Error, long Allocated)> FaultAsync(string script)
    {
        var flow = new Flow()
            .Variable("loot", null)
            .Add("start", "Start")
            .Add("grab", "SetVariable", new { variable = "loot", value = Js(script) })
            .Chain("start", "grab");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (run, result) = await _engine.StartAsync(flow);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Null(run.State.Variables["loot"]);
        Assert.StartsWith("activity 'grab' (SetVariable): input 'value': ", result.Incident!.Error);
        Assert.Empty(result.ScheduledRetries);
        return (result.Incident.Error, allocated);
    }

    [Theory]
    [InlineData("let a = []; for (let i = 0; i < 30; i++) { a = [a, a]; } JSON.stringify(a).length")]
    [InlineData("'x'.repeat(3e8)")]
    [InlineData("let a = []; for (let i = 0; i < 30; i++) { a = [a, a]; } a")]
    [InlineData("let a = []; for (let i = 0; i < 30; i++) { a = [a, a]; } String(a).length")]
    [InlineData("let a = []; for (let i = 0; i < 30; i++) { a = [a, a]; } `${a}`.length")]
    [InlineData("let a = []; for (let i = 0; i < 30; i++) { a = [a, a]; } a.toLocaleString().length")]
    [InlineData("let a = []; for (let i = 0; i < 24; i++) { a = [a, a]; } a.flat(Infinity).length")]
    [InlineData("'x'.padStart(3e8)")]
    [InlineData("'x'.padEnd(3e8, 'ab')")]
    [InlineData("let s = 'y'.repeat(1e6) + 'x'.repeat(2e4); s.replaceAll('x', '$`').length")]
    [InlineData("let s = 'y'.repeat(1e6) + 'x'.repeat(2e4); /x/g[Symbol.replace](s, '$`').length")]
    [InlineData("let s = 'y'.repeat(1e6); s.replace(/y/g, () => s).length")]
    [InlineData("let s = 'y'.repeat(1e6); Array(1e4).join(s).length")]
    [InlineData("let s = 'y'.repeat(1e6); Array(1e4).fill(s).join('').length")]
    [InlineData("let s = 'y'.repeat(1e6); ''.concat(...Array(1e4).fill(s)).length")]
    [InlineData("let s = 'y'.repeat(1e6); String.raw({ raw: Array(1e4).fill(s) }).length")]
    [InlineData("let s = 'y'.repeat(1e6); `${s}${s}${s}${s}${s}${s}${s}${s}${s}${s}`.length")]
    [InlineData("let s = 'y'.repeat(1e6); Object.keys({ ...s }).length")]
    [InlineData("let s = 'y'.repeat(1e6); Object.entries(s).length")]
    [InlineData("let s = '\\uFDFA'.repeat(1e6); s.normalize('NFKD').length")]
    [InlineData("let s = '%'.repeat(1e6); encodeURIComponent(encodeURIComponent(encodeURIComponent(s))).length")]
    [InlineData("let s = '\"'.repeat(1e6); JSON.stringify(JSON.stringify(JSON.stringify(s))).length")]
    [InlineData("let o = {}; for (let i = 0; i < 5000; i++) { o = { a: o }; } JSON.stringify(o, null, 10).length")]
    [InlineData("let s = 'y'.repeat(1e6); JSON.stringify(Array(1e4).fill(s)).length")]
    [InlineData("new RegExp('(a|b)'.repeat(5e5)).test('a')")]
    [InlineData("'abc'.match('y'.repeat(1e6))")]
    [InlineData("'y'.repeat(1e6).match(/y/g).length")]
    [InlineData("let a = []; a.length = 2 ** 32 - 1; a.concat(a).length")]
    [InlineData("new Array(2 ** 32 - 1).length")]
    [InlineData("let r; try { 'x'.repeat(3e8); } catch (e) { r = 'caught'; } r")]
    public async Task Script_that_would_outgrow_the_limits_in_one_step_is_stopped_before_it_allocates(string script)
    {
        var (error, allocated) = await FaultAsync(script);

        // Memory for most; time for the ones that build little per step but never finish (a = [a, a] serialized).
        Assert.True(
            error.Contains("JavaScript used more than 8000000 bytes and was stopped", StringComparison.Ordinal)
            || error.Contains("JavaScript ran longer than 500 ms and was stopped", StringComparison.Ordinal),
            error);
        Assert.True(allocated < 64_000_000, $"{allocated:N0} bytes allocated before it was stopped: {error}");
    }

    [Theory]
    [InlineData("new Uint8Array(2 ** 30).length", "Uint8Array is not defined")]
    [InlineData("new ArrayBuffer(2 ** 30).byteLength", "ArrayBuffer is not defined")]
    [InlineData("new Float64Array(2 ** 27).length", "Float64Array is not defined")]
    [InlineData("BigInt('1'.repeat(1e5))", "BigInt is not defined")]
    [InlineData("new ShadowRealm().evaluate('new Uint8Array(2 ** 30).length')", "ShadowRealm is not defined")]
    [InlineData("eval('1 + 1')", "JavaScript error")]
    [InlineData("Function('return 1')()", "JavaScript error")]
    public async Task Built_ins_an_expression_does_not_need_and_that_allocate_outside_the_limits_are_gone(string script, string message)
    {
        var (error, _) = await FaultAsync(script);

        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Script_sees_no_buffers_BigInt_second_realm_or_raw_JSON()
    {
        var flow = new Flow()
            .Variable("seen", null)
            .Add("start", "Start")
            .Add("look", "SetVariable", new
            {
                variable = "seen",
                value = Js("[typeof Uint8Array, typeof ArrayBuffer, typeof SharedArrayBuffer, typeof DataView, typeof Atomics, typeof BigInt, "
                    + "typeof ShadowRealm, typeof Temporal, typeof WeakRef, typeof FinalizationRegistry, typeof Intl.ListFormat, typeof JSON.rawJSON, "
                    + "typeof RegExp.prototype.compile].join(',')"),
            })
            .Chain("start", "look");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(string.Join(',', Enumerable.Repeat("undefined", 13)), run.State.Variables["seen"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("10n ** 100000n > 0n")]
    [InlineData("1n == '1'.repeat(1e6)")]
    public void BigInt_literals_are_refused_when_the_definition_is_validated(string script)
    {
        var flow = new Flow().Add("start", "Start").Add("set", "SetVariable", new { variable = "x", value = Js(script) }).Variable("x", null).Chain("start", "set");

        var validation = _engine.Validate(flow.ToJson());

        Assert.False(validation.IsValid);
        Assert.Contains(validation.Errors, e => e.ActivityId == "set" && e.Message.Contains("BigInt literals", StringComparison.Ordinal));
    }

    [Fact]
    public void A_script_longer_than_the_limit_is_refused_when_the_definition_is_validated()
    {
        var flow = new Flow().Add("start", "Start").Add("set", "SetVariable", new { variable = "x", value = Js("1 + " + string.Join(" + ", Enumerable.Repeat("1", 10_000))) }).Variable("x", null).Chain("start", "set");

        var validation = _engine.Validate(flow.ToJson());

        Assert.Contains(validation.Errors, e => e.ActivityId == "set" && e.Message.Contains("at most 20000 are allowed", StringComparison.Ordinal));
    }
}
