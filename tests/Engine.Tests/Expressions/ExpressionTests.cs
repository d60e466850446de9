using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Runtime;
using static Sleek.Workflows.Engine.Tests.Flow;

namespace Sleek.Workflows.Engine.Tests.Expressions;

/// <summary>The input value kinds: literals, <c>$js</c>, <c>$var</c>, <c>$template</c> and the <c>$literal</c> escape.</summary>
public sealed class ExpressionTests
{
    private readonly TestEngine _engine = new();

    /// <summary>Sets variable <c>result</c> to <paramref name="value"/> and returns what it became.</summary>
    private async Task<JsonNode?> SetAsync(object value, object? input = null)
    {
        var flow = new Flow()
            .Variable("result", null)
            .Variable("order", new { id = "O-1", customer = new { name = "Acme", tier = 2 }, lines = new[] { 10, 20 } })
            .Variable("total", 1500)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "result", value })
            .Chain("start", "set");
        var (run, result) = await _engine.StartAsync(flow, input ?? new { requestId = "R-7", amount = 12.5 }, correlationId: "Q-42");
        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        return run.State.Variables["result"];
    }

    [Fact]
    public async Task Js_computes_from_variables_input_and_instance_globals()
    {
        Assert.Equal(450, (await SetAsync(Js("variables.total * 0.3")))!.GetValue<int>());
        Assert.Equal("R-7:12.5", (await SetAsync(Js("input.requestId + ':' + input.amount")))!.GetValue<string>());
        Assert.Equal("Q-42 test-flow v1", (await SetAsync(Js("correlationId + ' ' + workflow.definitionId + ' v' + workflow.version")))!.GetValue<string>());
        Assert.True(Guid.TryParse((await SetAsync(Js("instanceId")))!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Js_returns_objects_and_arrays_as_JSON()
    {
        var value = await SetAsync(Js("({ name: variables.order.customer.name, lines: variables.order.lines.map(function (l) { return l * 2; }) })"));

        Assert.Equal("""{"name":"Acme","lines":[20,40]}""", value!.ToJsonString());
    }

    [Fact]
    public async Task Js_undefined_becomes_null()
    {
        Assert.Null(await SetAsync(Js("variables.order.missing")));
    }

    [Fact]
    public async Task Js_reads_members_it_does_not_name_as_if_it_had_the_whole_state()
    {
        // Members a script does not name are converted only when it reads them: it still sees all of them.
        Assert.Equal("order,result,total", (await SetAsync(Js("Object.keys(variables).sort().join()")))!.GetValue<string>());
        Assert.Equal(1500, (await SetAsync(Js("variables['to' + 'tal']")))!.GetValue<int>());
        Assert.Equal("""{"result":null,"order":{"id":"O-1","customer":{"name":"Acme","tier":2},"lines":[10,20]},"total":1500}""", (await SetAsync(Js("JSON.stringify(variables)")))!.GetValue<string>());
        Assert.Equal(1501, (await SetAsync(Js("const k = 'to' + 'tal'; variables[k] = variables[k] + 1; variables[k]")))!.GetValue<int>());
        Assert.Equal(2, (await SetAsync(Js("const k = 'to' + 'tal'; variables[k] = 2; variables[k]")))!.GetValue<int>());
        Assert.Equal(3, (await SetAsync(Js("Object.values(variables).length")))!.GetValue<int>());
        Assert.Equal("R-7", (await SetAsync(Js("input[['request', 'Id'].join('')]")))!.GetValue<string>());
    }

    [Fact]
    public async Task Template_reads_the_members_it_names_and_all_of_an_object_it_walks()
    {
        Assert.Equal("Acme 1500", (await SetAsync(Template("{{ variables.order.customer.name }} {{ variables.total }}")))!.GetValue<string>());
        Assert.Equal("order;result;total;", (await SetAsync(Template("{{ for k in variables | object.keys | array.sort }}{{ k }};{{ end }}")))!.GetValue<string>());
        Assert.Equal("1500 O-1", (await SetAsync(Template("{{ key = 'total'; variables[key] }} {{ variables['order'].id }}")))!.GetValue<string>());
        Assert.Equal("R-7", (await SetAsync(Template("{{ x = input; x.requestId }}")))!.GetValue<string>());
    }

    [Fact]
    public async Task Var_reads_a_variable_and_a_dotted_path_into_it()
    {
        Assert.Equal("Acme", (await SetAsync(Var("order.customer.name")))!.GetValue<string>());
        Assert.Equal(1500, (await SetAsync(Var("total")))!.GetValue<int>());
        Assert.Equal("""{"name":"Acme","tier":2}""", (await SetAsync(Var("order.customer")))!.ToJsonString());
        Assert.Null(await SetAsync(Var("order.customer.nothing.deeper")));
    }

    [Fact]
    public async Task Template_and_script_read_an_earlier_output_built_from_CLR_values_in_the_same_burst()
    {
        var flow = new Flow()
            .Variable("text", null)
            .Variable("sum", null)
            .Add("start", "Start")
            .Add("made", "Test.ClrValues")
            .Add("render", "SetVariable", new { variable = "text", value = Template("{{ outputs.made.id }} {{ outputs.made.amount }} x{{ outputs.made.count }}") })
            .Add("add", "SetVariable", new { variable = "sum", value = Js("outputs.made.amount + outputs.made.count") })
            .Chain("start", "made", "render", "add");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal($"{ClrValues.Id} 389.03 x3", run.State.Variables["text"]!.GetValue<string>());
        Assert.Equal(392.03, run.State.Variables["sum"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task Template_renders_with_names_kept_as_written()
    {
        var value = await SetAsync(Template("Request {{ input.requestId }} for {{ variables.order.customer.name }} ({{ input.amount }} USD, tier {{ variables.order.customer.tier }})"));

        Assert.Equal("Request R-7 for Acme (12.5 USD, tier 2)", value!.GetValue<string>());
    }

    [Fact]
    public async Task Template_supports_Scriban_loops_and_conditions()
    {
        var value = await SetAsync(Template("{{ for l in variables.order.lines }}[{{ l }}]{{ end }}{{ if variables.total > 1000 }} big{{ end }}"));

        Assert.Equal("[10][20] big", value!.GetValue<string>());
    }

    [Fact]
    public async Task Literal_escape_keeps_an_object_that_looks_like_an_expression()
    {
        var value = await SetAsync(new JsonObject { ["$literal"] = Js("variables.total") });

        Assert.Equal("""{"$js":"variables.total"}""", value!.ToJsonString());
    }

    [Fact]
    public async Task Plain_literals_are_used_as_written()
    {
        Assert.Equal("""{"a":[1,"two",true,null]}""", (await SetAsync(new { a = new object?[] { 1, "two", true, null } }))!.ToJsonString());
        Assert.Equal("{{ not a template }}", (await SetAsync("{{ not a template }}"))!.GetValue<string>());
    }

    [Fact]
    public async Task Expressions_cannot_change_instance_variables()
    {
        var flow = new Flow()
            .Variable("x", 1)
            .Variable("order", new { id = "O-1" })
            .Variable("seen", null)
            .Add("start", "Start")
            .Add("sneak", "SetVariable", new { variable = "seen", value = Js("variables.x = 5; variables.order.id = 'hacked'; delete variables.order; input.extra = 1; variables.x") })
            .Add("check", "Decision", new { condition = Js("variables.x === 1 && variables.order.id === 'O-1' && input.extra === undefined") })
            .Add("ok", "Log", new { message = "unchanged" })
            .Chain("start", "sneak", "check")
            .Connect("check:True", "ok");

        var (run, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Completed, result);
        Assert.Equal(5, run.State.Variables["seen"]!.GetValue<int>());
        Assert.Equal(1, run.State.Variables["x"]!.GetValue<int>());
        Assert.Equal("O-1", run.State.Variables["order"]!["id"]!.GetValue<string>());
        Assert.False(run.State.Input.ContainsKey("extra"));
        Assert.Equal("True", result.Journal.Single(j => j.ActivityId == "check").Ports);
    }

    [Fact]
    public async Task Var_of_a_variable_missing_at_run_time_faults_naming_activity_and_input()
    {
        // The validator refuses an undeclared $var; a definition compiled without it fails at run time.
        var json = new Flow()
            .Variable("result", null)
            .Add("start", "Start")
            .Add("set", "SetVariable", new { variable = "result", value = Var("result") })
            .Chain("start", "set")
            .ToJson();
        var run = new WorkflowRun(_engine, _engine.Compile(json), null, null);
        run.State.Variables.Remove("result");

        var result = await run.StartAsync();

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.Equal("activity 'set' (SetVariable): input 'value': variable 'result' is not defined", result.Incident!.Error);
    }

    [Fact]
    public async Task Template_loop_beyond_the_limit_faults_naming_activity_and_input()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("log", "Log", new { message = Template("{{ for i in 1..100000 }}x{{ end }}") })
            .Chain("start", "log");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.StartsWith("activity 'log' (Log): input 'message': template error", result.Incident!.Error);
    }

    [Fact]
    public async Task Expression_of_the_wrong_type_for_its_input_faults_naming_the_input()
    {
        var flow = new Flow()
            .Add("start", "Start")
            .Add("each", "ForEach", new { items = Js("'not a list'") })
            .Add("body", "Log", new { message = "x" })
            .Chain("start", "each")
            .Connect("each:Iterate", "body");

        var (_, result) = await _engine.StartAsync(flow);

        TestEngine.AssertStatus(WorkflowStatus.Faulted, result);
        Assert.StartsWith("activity 'each' (ForEach): input 'items': expected a list", result.Incident!.Error);
    }
}
