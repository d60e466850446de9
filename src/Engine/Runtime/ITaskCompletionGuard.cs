using Sleek.Workflows.Engine.Runtime.Views;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// A domain's say on whether an open task may be completed now (e.g. not while its order is on hold).
/// Register any number; the first refusal wins and is returned to the caller as a 409.
/// </summary>
public interface ITaskCompletionGuard
{
    /// <summary>Null to allow; otherwise why the task cannot be completed now and what to do.</summary>
    ValueTask<string?> RefuseAsync(TaskView task, CancellationToken cancellationToken);
}
