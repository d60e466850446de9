using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Bench;

/// <summary>(a) The interpreter alone, no database: instances per second and the cost of one more activity.</summary>
internal static class InMemoryBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var registry = new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly);
        var syntax = new ExpressionSyntax();
        var validator = new DefinitionValidator(registry, syntax);
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var interpreter = new WorkflowInterpreter(new ExpressionEvaluator(syntax, new SandboxLimits()), services, NullLoggerFactory.Instance, TimeProvider.System, new InterpreterOptions());

        Console.WriteLine();
        Console.WriteLine("(a) in-memory interpreter, one thread");
        var literal3 = await MeasureAsync(interpreter, Compile(validator, registry, BenchDefinitions.Chain("chain-1", 1, false)), options.InMemoryDuration);
        var literal102 = await MeasureAsync(interpreter, Compile(validator, registry, BenchDefinitions.Chain("chain-100", 100, false)), options.InMemoryDuration);
        var js3 = await MeasureAsync(interpreter, Compile(validator, registry, BenchDefinitions.Chain("chain-js-1", 1, true)), options.InMemoryDuration);
        var js102 = await MeasureAsync(interpreter, Compile(validator, registry, BenchDefinitions.Chain("chain-js-100", 100, true)), options.InMemoryDuration);
        Print("3-activity flow (Start → SetVariable → End), literal input", literal3, 3);
        Print("102-activity flow, literal inputs", literal102, 102);
        Print("3-activity flow, JavaScript input", js3, 3);
        Print("102-activity flow, JavaScript inputs", js102, 102);
        Console.WriteLine($"  per-activity overhead, literal input:    {PerActivityMicroseconds(literal3, literal102, 99):F2} µs");
        Console.WriteLine($"  per-activity overhead, JavaScript input: {PerActivityMicroseconds(js3, js102, 99):F2} µs");
    }

    private static CompiledDefinition Compile(DefinitionValidator validator, ActivityRegistry registry, System.Text.Json.Nodes.JsonObject json)
    {
        var validation = validator.Validate(json);
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("benchmark definition is invalid: " + string.Join("; ", validation.Errors));
        }

        return new CompiledDefinition(validation.Definition!, registry);
    }

    private static async Task<double> MeasureAsync(WorkflowInterpreter interpreter, CompiledDefinition definition, TimeSpan duration)
    {
        // Warm up (JIT, script cache), then count whole instances in the time budget.
        for (var i = 0; i < 200; i++)
        {
            await RunOnceAsync(interpreter, definition);
        }

        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await RunOnceAsync(interpreter, definition);
            count++;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private static async Task RunOnceAsync(WorkflowInterpreter interpreter, CompiledDefinition definition)
    {
        var state = new InstanceState();
        state.Variables["counter"] = 0;
        var result = await interpreter.RunAsync(new BurstRequest(definition, Guid.NewGuid(), null, state, new BurstTrigger.Start(), []), CancellationToken.None);
        if (result.Status != WorkflowStatus.Completed)
        {
            throw new InvalidOperationException($"benchmark instance ended {result.Status}: {result.Incident?.Error}");
        }
    }

    private static void Print(string label, double instancesPerSecond, int activities) =>
        Console.WriteLine($"  {label}: {instancesPerSecond,10:N0} instances/s = {instancesPerSecond * activities,12:N0} activities/s");

    private static double PerActivityMicroseconds(double shortPerSecond, double longPerSecond, int extraActivities) =>
        ((1 / longPerSecond) - (1 / shortPerSecond)) / extraActivities * 1_000_000;
}
