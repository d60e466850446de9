namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Kinds of queued work; stored as snake_case text (<c>"resume"</c>) by <see cref="Persistence.SnakeCaseEnumConverter{TEnum}"/>.</summary>
public enum WorkKind
{
    /// <summary>Run a new instance from Start.</summary>
    Start,

    /// <summary>Continue a consumed bookmark.</summary>
    Resume,

    /// <summary>A timer bookmark falls due (consumed by the worker when it fires).</summary>
    Timer,

    /// <summary>Run a failed activity execution again: scheduled by its retry policy (due after the backoff), or by ops from an incident.</summary>
    Retry,

    /// <summary>Run the activities a burst left due when it paused at its step bound (a long loop's next batch).</summary>
    Continue,
}
