namespace Sleek.Workflows.Engine.Runtime;

/// <summary>Kinds of queued work.</summary>
public static class WorkKind
{
    /// <summary>Run a new instance from Start.</summary>
    public const string Start = "Start";

    /// <summary>Continue a consumed bookmark.</summary>
    public const string Resume = "Resume";

    /// <summary>A timer bookmark falls due (consumed by the worker when it fires).</summary>
    public const string Timer = "Timer";

    /// <summary>Run a failed activity execution again: scheduled by its retry policy (due after the backoff), or by ops from an incident.</summary>
    public const string Retry = "Retry";
}
