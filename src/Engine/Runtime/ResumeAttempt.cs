using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Activities.BuiltIn;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>What a guard decides on: who asks, by which path, to resume which wait of which instance.</summary>
/// <param name="Path">Token, event or task.</param>
/// <param name="Caller">Who asks.</param>
/// <param name="InstanceId">The waiting instance.</param>
/// <param name="DefinitionId">Its workflow.</param>
/// <param name="CorrelationId">Its correlation id (e.g. a quote id).</param>
/// <param name="BookmarkId">The wait (for a human task: the task id).</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="WaitName">The wait's name: an event name, <c>Timer</c> or <c>HumanTask</c>.</param>
/// <param name="CorrelationKey">The key an event must carry.</param>
/// <param name="DueAt">For timers: when it fires on its own.</param>
/// <param name="IsOpen">False when the wait was already resumed or cancelled (the request will get 409 unless refused).</param>
/// <param name="Task">For a human task: its role, assignee and form.</param>
public sealed record ResumeAttempt(
    ResumePath Path,
    ResumeCaller Caller,
    Guid InstanceId,
    string DefinitionId,
    string? CorrelationId,
    Guid BookmarkId,
    string ActivityId,
    string WaitName,
    string? CorrelationKey,
    DateTime? DueAt,
    bool IsOpen,
    TaskView? Task)
{
    /// <summary>True for a timer's wait (Delay, Timer): it fires on its own at <see cref="DueAt"/>.</summary>
    public bool IsTimer => DueAt is not null;

    /// <summary>What the caller sends with a token or task resume (a task's form fields and outcome); null for events and timers.</summary>
    public System.Text.Json.Nodes.JsonNode? Payload { get; init; }

    /// <summary>
    /// The resume's own burst transaction, when the gate is asked inside it (a token or task resume claimed at once: the
    /// instance is locked and the wait consumed, and a refusal rolls both back). A guard reads through it rather than a
    /// connection of its own. Null otherwise, and for observers told of a success.
    /// </summary>
    public BurstTransaction? Transaction { get; init; }

    /// <summary>The attempt to resume <paramref name="bookmark"/> of an instance of <paramref name="definitionId"/>.</summary>
    internal static ResumeAttempt Of(ResumePath path, ResumeCaller caller, BookmarkRecord bookmark, string definitionId, string? correlationId) => new(
        path,
        caller,
        bookmark.InstanceId,
        definitionId,
        correlationId,
        bookmark.Id,
        bookmark.ActivityId,
        bookmark.Name,
        bookmark.CorrelationKey,
        bookmark.DueAt,
        bookmark.ConsumedAt is null,
        bookmark.Name == HumanTask.BookmarkName ? TaskQueries.ToView(bookmark, definitionId, correlationId) : null);
}
