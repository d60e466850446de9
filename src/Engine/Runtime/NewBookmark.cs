using Sleek.Workflows.Engine.Activities;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>A bookmark a burst created; the store gives it a token and saves it.</summary>
/// <param name="Id">New bookmark id.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="ExecutionNumber">The execution that asked for it.</param>
/// <param name="Request">What the activity asked for.</param>
public sealed record NewBookmark(Guid Id, string ActivityId, int ExecutionNumber, BookmarkRequest Request);
