using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Activities.Tests;

/// <summary>
/// The engine's interpreter with the marketplace activities registered as the host registers them,
/// without a database (so <see cref="ActivityContext.Transaction"/> is null). Runs start → activity → end.
/// </summary>
internal sealed class TestInterpreter
{
    private readonly ActivityRegistry _registry;
    private readonly DefinitionValidator _validator;
    private readonly WorkflowInterpreter _interpreter;

    public TestInterpreter(Action<IServiceCollection>? services = null)
    {
        // The test assembly's activities too (e.g. ones probing MarketplaceDb without a transaction).
        _registry = new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly).AddSleekActivities().AddFromAssembly(typeof(TestInterpreter).Assembly);

        var syntax = new ExpressionSyntax();
        var evaluator = new ExpressionEvaluator(syntax, new SandboxLimits());
        _validator = new DefinitionValidator(_registry, syntax);
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        _interpreter = new WorkflowInterpreter(evaluator, collection.BuildServiceProvider(), NullLoggerFactory.Instance, new FakeTimeProvider(), new InterpreterOptions());
    }

    /// <summary>Runs one activity of <paramref name="type"/> with these inputs in a one-burst workflow.</summary>
    public async Task<BurstResult> RunAsync(string type, JsonObject inputs)
    {
        var json = new JsonObject
        {
            ["definitionId"] = "test",
            ["version"] = 1,
            ["name"] = "test",
            ["root"] = new JsonObject
            {
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "act", ["type"] = type, ["inputs"] = inputs },
                    new JsonObject { ["id"] = "end", ["type"] = "End" }),
                ["connections"] = new JsonArray(
                    Connection("start", "act"),
                    Connection("act", "end")),
            },
        };
        var validation = _validator.Validate(json);
        Assert.True(validation.IsValid, "definition is invalid:\n" + string.Join("\n", validation.Errors));
        var definition = new CompiledDefinition(validation.Definition!, _registry);
        var request = new BurstRequest(definition, Guid.NewGuid(), "corr-1", new InstanceState(), new BurstTrigger.Start(), []);
        return await _interpreter.RunAsync(request, CancellationToken.None);
    }

    private static JsonObject Connection(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to },
    };
}
