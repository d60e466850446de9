using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Apis;

/// <summary>Maps engine results to HTTP: RFC 7807 problem details for every failure.</summary>
internal static class Problems
{
    /// <summary>200/201 with the value, or the matching problem.</summary>
    public static IResult From<T>(OperationResult<T> result, Func<T, string>? location = null) => result.Status switch
    {
        OperationStatus.Ok => TypedResults.Ok(result.Value),
        OperationStatus.Created => location is null ? TypedResults.Ok(result.Value) : TypedResults.Created(location(result.Value!), result.Value),
        OperationStatus.NotFound => NotFound(result.Message ?? "not found"),
        OperationStatus.Conflict => Conflict(result.Message ?? "conflict", result.Value, result.Errors),
        _ => Invalid(result.Message ?? "invalid request", result.Errors ?? new Dictionary<string, string[]>()),
    };

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>409 carrying the current state (e.g. the instance) so the client need not ask again, and the problems by field when there are several.</summary>
    public static ProblemHttpResult Conflict(string detail, object? current = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?>();
        if (current is not null)
        {
            extensions["current"] = current;
        }

        if (errors is not null)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict with the current state",
            extensions: extensions.Count == 0 ? null : extensions);
    }

    public static ProblemHttpResult Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid($"{field} {message}", new Dictionary<string, string[]> { [field] = [message] });
}
