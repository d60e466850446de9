namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How a bookmark was closed; stored as snake_case text by <see cref="Persistence.SnakeCaseEnumConverter{TEnum}"/>.</summary>
public enum BookmarkOutcome
{
    /// <summary>Resumed by its token, an event or its timer: its activity continued (or will, once its queued work runs).</summary>
    Resumed,

    /// <summary>Closed without resuming: the instance was cancelled, or a burst dropped the wait (End, a WaitAny join).</summary>
    Cancelled,
}
