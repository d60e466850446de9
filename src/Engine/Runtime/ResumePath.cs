namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How a caller asked for a resume; the guards see it, the audit names it.</summary>
public enum ResumePath
{
    /// <summary><c>POST /api/bookmarks/{token}/resume</c>.</summary>
    Token,

    /// <summary><c>POST /api/events/{name}</c> (and what publishes an event in-process).</summary>
    Event,

    /// <summary><c>POST /api/tasks/{id}/complete</c>.</summary>
    Task,
}
