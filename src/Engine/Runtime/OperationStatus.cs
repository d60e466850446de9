namespace Sleek.Workflows.Engine.Runtime;

/// <summary>How an engine operation ended; the API maps each to an HTTP status.</summary>
public enum OperationStatus
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>Done; something new exists.</summary>
    Created,

    /// <summary>The target does not exist.</summary>
    NotFound,

    /// <summary>The target's current state forbids it (already consumed, already published differently, finished instance).</summary>
    Conflict,

    /// <summary>The request itself is wrong; <see cref="OperationResult{T}.Errors"/> says where.</summary>
    Invalid,

    /// <summary>The caller may not do this (a resume guard refused it).</summary>
    Forbidden,
}
