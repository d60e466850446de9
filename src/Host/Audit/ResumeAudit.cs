using Sleek.Workflows.Engine.Runtime;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>
/// Records every refused and every successful resume — token, event, task — with the caller (or the system, as
/// <c>system:&lt;name&gt;</c>) as actor. The target names the task or the instance and waiting activity, never a token.
/// </summary>
internal sealed class ResumeAudit(AuditLog audit, IHttpContextAccessor accessor) : IResumeObserver
{
    public async ValueTask RefusedAsync(ResumeAttempt attempt, ResumeRefusal refusal, CancellationToken cancellationToken)
    {
        var (action, outcome, status) = refusal.Kind switch
        {
            ResumeRefusalKind.Hidden => (AuditActions.CrossTenant, AuditOutcome.Denied, StatusCodes.Status404NotFound),
            ResumeRefusalKind.Forbidden => (AuditActions.CrossTenant, AuditOutcome.Denied, StatusCodes.Status403Forbidden),
            ResumeRefusalKind.Invalid => (AuditActions.ResumeRefused, AuditOutcome.Failure, StatusCodes.Status400BadRequest),
            _ => (AuditActions.ResumeRefused, AuditOutcome.Failure, StatusCodes.Status409Conflict),
        };
        MarkRecorded();
        await audit.RecordAsync(ActorOf(attempt.Caller), Ip(), action, outcome, TargetOf(attempt), $"{Path(attempt)}: {refusal.Reason}", status);
    }

    public async ValueTask ResumedAsync(ResumeAttempt attempt, CancellationToken cancellationToken)
    {
        var action = attempt.Path switch
        {
            ResumePath.Event => AuditActions.EventPublished,
            ResumePath.Task => AuditActions.TaskCompleted,
            _ => AuditActions.BookmarkResumed,
        };
        MarkRecorded();
        var actor = ActorOf(attempt.Caller);
        await audit.RecordAsync(actor, Ip(), action, AuditOutcome.Success, TargetOf(attempt), $"{Path(attempt)}{OnBehalf(actor, attempt)}", StatusCodes.Status200OK);
    }

    /// <summary>When staff complete a party's task: whose task it was (the actor is the staff user), e.g. <c> on behalf of supplier 7c9e…</c>.</summary>
    private static string OnBehalf(SleekCaller actor, ResumeAttempt attempt) =>
        attempt.Task is { } task && ResourceAccess.ActsOnBehalf(actor, task)
            ? $" on behalf of {task.Role}{(task.Assignee is null ? "" : $" {task.Assignee}")}"
            : "";

    /// <summary><c>task=&lt;id&gt; instance=&lt;id&gt;</c> for a human task, else <c>instance=&lt;id&gt; wait=&lt;activity&gt;</c>.</summary>
    private static string TargetOf(ResumeAttempt attempt) => attempt.Task is { } task
        ? $"task={task.Id} instance={attempt.InstanceId}"
        : $"instance={attempt.InstanceId} wait={attempt.ActivityId}";

    private static string Path(ResumeAttempt attempt) => attempt.Path switch
    {
        ResumePath.Event => $"event {attempt.WaitName} for {attempt.CorrelationKey}",
        ResumePath.Task => "task completion",
        _ => attempt.IsTimer ? "timer resumed by token" : $"{attempt.WaitName} resumed by token",
    };

    private static SleekCaller ActorOf(ResumeCaller caller) => caller.Principal is { } principal
        ? SleekCaller.From(principal)
        : new SleekCaller($"system:{caller.SystemName}", caller.SystemName, null, null, null, new HashSet<string>());

    private void MarkRecorded()
    {
        if (accessor.HttpContext is { } http)
        {
            AuditMiddleware.MarkRecorded(http);
        }
    }

    private string? Ip() => accessor.HttpContext is { } http ? ClientAddress.Of(http) : null;
}
