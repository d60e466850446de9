using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;

namespace Sleek.Workflows.Engine.Tests.Activities;

/// <summary>Registration turns activity classes into descriptors once, failing at once on a bad class.</summary>
public sealed class ActivityRegistryTests
{
    private readonly ActivityRegistry _registry = new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly);

    [Fact]
    public void Class_without_Activity_attribute_is_refused_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ActivityRegistry().Add<WithoutAttribute>());

        Assert.Contains(typeof(WithoutAttribute).FullName!, error.Message);
        Assert.Contains("no [Activity] attribute", error.Message);
    }

    [Fact]
    public void Class_without_parameterless_constructor_is_refused_naming_it()
    {
        // Add<T>() cannot even be called for such a class; assembly scanning finds it.
        var error = Assert.Throws<InvalidOperationException>(() => new ActivityRegistry().AddFromAssembly(typeof(ActivityRegistryTests).Assembly));

        Assert.Contains(typeof(WithoutParameterlessConstructor).FullName!, error.Message);
        Assert.Contains("public parameterless constructor", error.Message);
    }

    [Fact]
    public void Built_in_activities_are_all_registered()
    {
        Assert.Equal(
            ["Decision", "Delay", "DispatchWorkflow", "End", "ExecuteWorkflow", "Fault", "ForEach", "Fork", "HttpEndpoint", "HttpRequest", "HumanTask", "Join", "Log", "SetVariable", "Start", "Switch", "Timer", "WaitForEvent", "WriteHttpResponse"],
            _registry.All.Select(d => d.Type).Order(StringComparer.Ordinal));
        Assert.Null(_registry.Find("Nope"));
    }

    [Fact]
    public void Descriptor_exposes_camelCase_inputs_with_required_flags_and_defaults()
    {
        var http = _registry.Find("HttpRequest")!;

        Assert.Equal(["url", "method", "headers", "body", "timeoutSeconds"], http.Inputs.Select(i => i.Name));
        var url = http.Inputs.Single(i => i.Name == "url");
        Assert.True(url.Required);
        Assert.Equal("string", url.Type);
        var timeout = http.Inputs.Single(i => i.Name == "timeoutSeconds");
        Assert.False(timeout.Required);
        Assert.Equal("integer", timeout.Type);
        Assert.Equal(30, timeout.Default!.GetValue<int>());
        var method = http.Inputs.Single(i => i.Name == "method");
        Assert.Equal("GET", method.Default!.GetValue<string>());
        Assert.Equal(["GET", "POST", "PUT", "PATCH", "DELETE"], method.Options);
        Assert.Equal("object", http.Inputs.Single(i => i.Name == "headers").Type);
        Assert.Equal("any", http.Inputs.Single(i => i.Name == "body").Type);
        Assert.Equal(["Success", "Failure"], http.Ports);
        Assert.Equal("Integration", http.Category);
        Assert.Equal("HTTP request", http.DisplayName);
        Assert.False(http.IsResumable);
    }

    [Fact]
    public void Descriptor_marks_literal_only_inputs_and_resumable_activities()
    {
        var sw = _registry.Find("Switch")!;
        Assert.True(sw.Inputs.Single(i => i.Name == "cases").LiteralOnly);
        Assert.Equal("array", sw.Inputs.Single(i => i.Name == "cases").Type);
        Assert.Equal("boolean", sw.Inputs.Single(i => i.Name == "matchAll").Type);
        Assert.True(_registry.Find("WaitForEvent")!.IsResumable);
        Assert.True(_registry.Find("Delay")!.IsResumable);
        Assert.False(_registry.Find("Log")!.IsResumable);
        Assert.Equal("WaitAll", _registry.Find("Join")!.Inputs.Single().Default!.GetValue<string>());
    }

    [Fact]
    public void Switch_ports_are_its_case_ports_and_Default()
    {
        var sw = _registry.Find("Switch")!;
        var inputs = new Dictionary<string, JsonNode?>
        {
            ["cases"] = JsonNode.Parse("""[{"port": "Large", "condition": "true"}, {"port": "Small", "condition": "false"}]"""),
        };

        Assert.True(sw.HasDynamicPorts);
        Assert.Equal(["Default", "Large", "Small"], sw.PortsFor(inputs));
        Assert.Equal(["Default"], sw.PortsFor(new Dictionary<string, JsonNode?>()));
    }

    [Fact]
    public void Fork_ports_are_its_branches()
    {
        var fork = _registry.Find("Fork")!;

        Assert.Equal(["Payment", "Timeout"], fork.PortsFor(new Dictionary<string, JsonNode?> { ["branches"] = new JsonArray("Payment", "Timeout") }));
        Assert.Empty(fork.PortsFor(new Dictionary<string, JsonNode?>()));
    }

    [Fact]
    public void HumanTask_ports_are_its_outcomes_or_Done_without_outcomes()
    {
        var task = _registry.Find("HumanTask")!;

        Assert.Equal(["Approve", "Reject"], task.PortsFor(new Dictionary<string, JsonNode?> { ["outcomes"] = new JsonArray("Approve", "Reject") }));
        Assert.Equal(["Done"], task.PortsFor(new Dictionary<string, JsonNode?>()));
    }

    private sealed class WithoutAttribute : IActivity
    {
        public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done());
    }

    [Activity("Test.NoCtor")]
    private sealed class WithoutParameterlessConstructor(string name) : IActivity
    {
        public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done(name));
    }
}
