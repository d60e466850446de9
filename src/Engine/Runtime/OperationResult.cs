namespace Sleek.Workflows.Engine.Runtime;

/// <summary>The result of an engine operation: a status, a value, and problems keyed by field.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Status">How it ended.</param>
/// <param name="Value">The value (for Conflict: the current state, e.g. the instance).</param>
/// <param name="Message">A sentence for the problem's detail.</param>
/// <param name="Errors">Field → messages, for Invalid.</param>
public sealed record OperationResult<T>(OperationStatus Status, T? Value, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>Success with a value.</summary>
    public static OperationResult<T> Ok(T value) => new(OperationStatus.Ok, value);

    /// <summary>Created with a value.</summary>
    public static OperationResult<T> Created(T value) => new(OperationStatus.Created, value);

    /// <summary>Not found.</summary>
    public static OperationResult<T> NotFound(string message) => new(OperationStatus.NotFound, default, message);

    /// <summary>Conflict with the current state.</summary>
    public static OperationResult<T> Conflict(string message, T? current = default) => new(OperationStatus.Conflict, current, message);

    /// <summary>Refused to this caller.</summary>
    public static OperationResult<T> Forbidden(string message) => new(OperationStatus.Forbidden, default, message);

    /// <summary>Invalid input.</summary>
    public static OperationResult<T> Invalid(string message, IReadOnlyDictionary<string, string[]> errors) => new(OperationStatus.Invalid, default, message, errors);
}
