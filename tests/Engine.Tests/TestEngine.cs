using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Engine.Outbound;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Tests;

/// <summary>
/// The engine's in-memory parts wired as the host wires them (registry, validator, sandbox,
/// interpreter), with a fake clock. <see cref="Run(Flow, object?, string?)"/> gives a
/// <see cref="WorkflowRun"/> that carries state and open bookmarks between bursts like the runtime.
/// </summary>
internal sealed class TestEngine
{
    /// <summary>Monday 2 March 2026, 06:00 UTC: where the fake clock starts.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    public TestEngine(InterpreterOptions? options = null, SandboxLimits? limits = null, OutboundHttpOptions? http = null)
    {
        Registry = new ActivityRegistry().AddFromAssembly(typeof(Start).Assembly).Add<Flaky>().Add<ClrValues>();
        Syntax = new ExpressionSyntax();
        Evaluator = new ExpressionEvaluator(Syntax, limits ?? new SandboxLimits());
        Validator = new DefinitionValidator(Registry, Syntax);
        Clock = new FakeTimeProvider(StartTime);
        var services = new ServiceCollection();
        services.AddLogging().AddSleekOutboundHttp(http ?? new OutboundHttpOptions()); // as AddSleekEngine does
        Interpreter = new WorkflowInterpreter(Evaluator, services.BuildServiceProvider(), NullLoggerFactory.Instance, Clock, options ?? new InterpreterOptions());
    }

    public ActivityRegistry Registry { get; }

    public ExpressionSyntax Syntax { get; }

    public ExpressionEvaluator Evaluator { get; }

    public DefinitionValidator Validator { get; }

    public FakeTimeProvider Clock { get; }

    public WorkflowInterpreter Interpreter { get; }

    /// <summary>Asserts a burst's status, showing its incident when it differs.</summary>
    public static void AssertStatus(WorkflowStatus expected, BurstResult result) =>
        Assert.True(expected == result.Status, $"expected {expected} but the burst ended {result.Status}{(result.Incident is { } i ? $": {i.Error}" : "")}");

    public DefinitionValidation Validate(JsonNode? json) => Validator.Validate(json);

    /// <summary>Validates (failing the test with every error when invalid) and compiles.</summary>
    public CompiledDefinition Compile(JsonNode json)
    {
        var validation = Validator.Validate(json);
        Assert.True(validation.IsValid, "definition is invalid:\n" + string.Join("\n", validation.Errors));
        return new CompiledDefinition(validation.Definition!, Registry);
    }

    /// <summary>A definition file of the repository's <c>workflows/</c> folder.</summary>
    public static JsonNode LoadWorkflowFile(string definitionId, int version)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "workflows", definitionId, $"v{version}.json");
            if (File.Exists(Path.Combine(directory.FullName, "Sleek.Workflows.sln")) && File.Exists(path))
            {
                return JsonNode.Parse(File.ReadAllText(path))!;
            }
        }

        throw new FileNotFoundException($"workflows/{definitionId}/v{version}.json not found above {AppContext.BaseDirectory}");
    }

    public WorkflowRun Run(JsonNode definition, object? input = null, string? correlationId = "corr-1") =>
        new(this, Compile(definition), input, correlationId);

    public WorkflowRun Run(Flow flow, object? input = null, string? correlationId = "corr-1") =>
        new(this, Compile(flow.ToJson()), input, correlationId);

    /// <summary>Starts a new instance of <paramref name="flow"/> and runs its first burst.</summary>
    public async Task<(WorkflowRun Run, BurstResult Result)> StartAsync(Flow flow, object? input = null, string? correlationId = "corr-1")
    {
        var run = Run(flow, input, correlationId);
        var result = await run.StartAsync();
        return (run, result);
    }
}

/// <summary>
/// One instance driven burst by burst. Between bursts it does what the runtime does when it commits:
/// the state goes through its JSON form, and open = open − cancelled − resumed + new.
/// </summary>
internal sealed class WorkflowRun
{
    private readonly TestEngine _engine;

    public WorkflowRun(TestEngine engine, CompiledDefinition definition, object? input, string? correlationId)
    {
        _engine = engine;
        Definition = definition;
        CorrelationId = correlationId;
        State = new InstanceState { Input = input is null ? [] : (JsonObject)JsonSerializer.SerializeToNode(input)! };
        foreach (var variable in definition.Definition.Variables)
        {
            State.Variables[variable.Name] = variable.Default?.DeepClone();
        }
    }

    public CompiledDefinition Definition { get; }

    public Guid InstanceId { get; } = Guid.NewGuid();

    public string? CorrelationId { get; }

    public InstanceState State { get; private set; }

    public WorkflowStatus Status { get; private set; } = WorkflowStatus.Running;

    public List<OpenBookmark> Open { get; } = [];

    /// <summary>Journal rows of every burst so far.</summary>
    public List<JournalEntry> Journal { get; } = [];

    public Task<BurstResult> StartAsync() => BurstAsync(new BurstTrigger.Start(), null);

    /// <summary>Runs the continuation a burst that paused at its step bound queued, as a worker does.</summary>
    public Task<BurstResult> ContinueAsync() => BurstAsync(new BurstTrigger.Continue(), null);

    /// <summary>Continues while the bursts pause at their step bound; returns every burst, <paramref name="first"/> included.</summary>
    public async Task<List<BurstResult>> ContinueWhilePausedAsync(BurstResult first)
    {
        var bursts = new List<BurstResult> { first };
        while (bursts[^1].Paused)
        {
            Assert.True(bursts.Count < 10_000, "the bursts keep pausing");
            bursts.Add(await ContinueAsync());
        }

        return bursts;
    }

    /// <summary>Ops retry from an incident.</summary>
    public Task<BurstResult> RetryAsync(string activityId) => BurstAsync(new BurstTrigger.Retry(activityId), null);

    /// <summary>Runs a retry a previous burst scheduled, as the runtime does when its work item falls due.</summary>
    public Task<BurstResult> RunScheduledRetryAsync(ScheduledRetry retry) =>
        BurstAsync(new BurstTrigger.Retry(retry.ActivityId, retry.ExecutionNumber, retry.Attempt), null);

    /// <summary>Resumes a bookmark a previous burst created, refusing (like the runtime) a payload its activity rejects.</summary>
    public Task<BurstResult> ResumeAsync(NewBookmark bookmark, JsonNode? payload = null)
    {
        var open = Open.SingleOrDefault(b => b.Id == bookmark.Id);
        Assert.True(open is not null, $"bookmark {bookmark.Request.Name} of '{bookmark.ActivityId}' is not open (consumed or cancelled)");
        var errors = ValidateResume(open, payload);
        Assert.True(errors.Count == 0, "resume payload refused: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        return BurstAsync(new BurstTrigger.Resume(open, payload), open);
    }

    /// <summary>The open bookmark of an activity.</summary>
    public OpenBookmark OpenOf(string activityId) => Assert.Single(Open, b => b.ActivityId == activityId);

    /// <summary>What the runtime asks the activity before it consumes a bookmark.</summary>
    public IReadOnlyDictionary<string, string> ValidateResume(OpenBookmark bookmark, JsonNode? payload)
    {
        var activity = Assert.IsAssignableFrom<IResumableActivity>(Definition.Descriptor(bookmark.ActivityId).Create());
        return activity.ValidateResumeInput(bookmark.Data, payload);
    }

    private async Task<BurstResult> BurstAsync(BurstTrigger trigger, OpenBookmark? resumed)
    {
        if (resumed is not null)
        {
            Open.Remove(resumed);
        }

        var request = new BurstRequest(Definition, InstanceId, CorrelationId, State, trigger, [.. Open]);
        var result = await _engine.Interpreter.RunAsync(request, CancellationToken.None);

        Open.RemoveAll(b => result.CancelledBookmarks.Contains(b.Id));
        foreach (var created in result.NewBookmarks)
        {
            // The store keeps bookmark data as JSON text; read it back the same way.
            var data = (JsonObject)JsonNode.Parse((created.Request.Data ?? []).ToJsonString())!;
            Open.Add(new OpenBookmark(created.Id, created.ActivityId, created.ExecutionNumber, created.Request.Name, data));
        }

        State = JsonSerializer.Deserialize<InstanceState>(JsonSerializer.Serialize(result.State, StateJson.Options), StateJson.Options)!;
        Status = result.Status;
        Journal.AddRange(result.Journal);
        return result;
    }
}
