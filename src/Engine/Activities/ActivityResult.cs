using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities;

/// <summary>What happens after an activity ran.</summary>
public enum ActivityResultKind
{
    /// <summary>Continue through the given outcome ports.</summary>
    Outcome,

    /// <summary>Wait on one or more bookmarks.</summary>
    Wait,

    /// <summary>Fail; the instance gets an incident.</summary>
    Fault,

    /// <summary>Finish the whole workflow now, dropping its other waits.</summary>
    CompleteWorkflow,
}

/// <summary>The value an activity returns; the interpreter acts on it (ports, bookmarks, fault, end).</summary>
public sealed class ActivityResult
{
    private ActivityResult(ActivityResultKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of result.</summary>
    public ActivityResultKind Kind { get; }

    /// <summary>Ports to continue through (for <see cref="ActivityResultKind.Outcome"/>).</summary>
    public IReadOnlyList<string> Ports { get; private init; } = [];

    /// <summary>The activity's output, readable by later expressions as <c>outputs.&lt;activityId&gt;</c>.</summary>
    public JsonNode? Output { get; private init; }

    /// <summary>Waits to create (for <see cref="ActivityResultKind.Wait"/>).</summary>
    public IReadOnlyList<BookmarkRequest> Bookmarks { get; private init; } = [];

    /// <summary>Why it failed (for <see cref="ActivityResultKind.Fault"/>).</summary>
    public string? Error { get; private init; }

    /// <summary>
    /// For a fault: whether the node's retry policy may try again. False for a refusal another try would only repeat
    /// (a host that is not allowed, an answer over the size cap): the incident is raised at once.
    /// </summary>
    public bool Retryable { get; private init; } = true;

    /// <summary>Continue through <c>Done</c>.</summary>
    public static ActivityResult Done(JsonNode? output = null) => Outcome("Done", output);

    /// <summary>Continue through one port.</summary>
    public static ActivityResult Outcome(string port, JsonNode? output = null) =>
        new(ActivityResultKind.Outcome) { Ports = [port], Output = output };

    /// <summary>Continue through several ports at once (fork).</summary>
    public static ActivityResult Outcomes(IReadOnlyList<string> ports, JsonNode? output = null) =>
        new(ActivityResultKind.Outcome) { Ports = ports, Output = output };

    /// <summary>Wait until a bookmark is resumed.</summary>
    public static ActivityResult Wait(BookmarkRequest bookmark, JsonNode? output = null) =>
        new(ActivityResultKind.Wait) { Bookmarks = [bookmark], Output = output };

    /// <summary>Fail with a message that says what went wrong and what to do.</summary>
    /// <param name="error">The message.</param>
    /// <param name="retryable">False when another try would fail the same way: the retry policy is not applied.</param>
    public static ActivityResult Fault(string error, bool retryable = true) => new(ActivityResultKind.Fault) { Error = error, Retryable = retryable };

    /// <summary>Complete the workflow now.</summary>
    public static ActivityResult CompleteWorkflow(JsonNode? output = null) =>
        new(ActivityResultKind.CompleteWorkflow) { Output = output };
}
