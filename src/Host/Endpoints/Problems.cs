using Microsoft.AspNetCore.Http.HttpResults;
using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// RFC 7807 problem details for every failure, as typed results (<see cref="ProblemResult"/>), and the mapping
/// of engine results to HTTP. Each helper returns the type of its status, so a handler's
/// <c>Results&lt;Ok&lt;T&gt;, NotFoundProblem, …&gt;</c> documents exactly what it can answer.
/// </summary>
internal static class Problems
{
    /// <summary>200 with the value (also for Created: no location to point to), or the problem.</summary>
    public static Results<Ok<T>, NotFoundProblem, ConflictProblem, BadRequestProblem> From<T>(OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok or OperationStatus.Created => TypedResults.Ok(result.Value),
        OperationStatus.NotFound => NotFound(result.Message ?? "not found"),
        OperationStatus.Conflict => Conflict(result.Message ?? "conflict", result.Value, result.Errors),
        _ => Invalid(result.Message ?? "invalid request", result.Errors ?? new Dictionary<string, string[]>()),
    };

    /// <summary>A resume's answer (token, event, task): as <see cref="From{T}(OperationResult{T})"/>, plus 403 when a resume guard refused the caller.</summary>
    public static Results<Ok<T>, NotFoundProblem, ForbiddenProblem, ConflictProblem, BadRequestProblem> FromResume<T>(OperationResult<T> result) => result.Status switch
    {
        OperationStatus.Ok or OperationStatus.Created => TypedResults.Ok(result.Value),
        OperationStatus.NotFound => NotFound(result.Message ?? "not found"),
        OperationStatus.Forbidden => Forbidden("Forbidden", result.Message ?? "not yours to resume"),
        OperationStatus.Conflict => Conflict(result.Message ?? "conflict", result.Value, result.Errors),
        _ => Invalid(result.Message ?? "invalid request", result.Errors ?? new Dictionary<string, string[]>()),
    };

    /// <summary>201 with the value at <paramref name="location"/> when something was created, 200 when it existed, or the problem.</summary>
    public static Results<Created<T>, Ok<T>, NotFoundProblem, ConflictProblem, BadRequestProblem> From<T>(OperationResult<T> result, Func<T, string> location) =>
        From(result, value => value, location);

    /// <summary>
    /// As <see cref="From{T}(OperationResult{T}, Func{T, string})"/>, answering with <paramref name="view"/> of the value;
    /// a conflict still carries the engine's current state as it is.
    /// </summary>
    public static Results<Created<TView>, Ok<TView>, NotFoundProblem, ConflictProblem, BadRequestProblem> From<T, TView>(OperationResult<T> result, Func<T, TView> view, Func<TView, string> location)
    {
        switch (result.Status)
        {
            case OperationStatus.Ok:
                return TypedResults.Ok(view(result.Value!));
            case OperationStatus.Created:
                var created = view(result.Value!);
                return TypedResults.Created(location(created), created);
            case OperationStatus.NotFound:
                return NotFound(result.Message ?? "not found");
            case OperationStatus.Conflict:
                return Conflict(result.Message ?? "conflict", result.Value, result.Errors);
            default:
                return Invalid(result.Message ?? "invalid request", result.Errors ?? new Dictionary<string, string[]>());
        }
    }

    public static NotFoundProblem NotFound(string detail) => new(detail);

    /// <summary>409 carrying the current state (e.g. the instance) so the client need not ask again, and the problems by field when there are several.</summary>
    public static ConflictProblem Conflict(string detail, object? current = null, IReadOnlyDictionary<string, string[]>? errors = null)
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

        return new ConflictProblem(detail, extensions.Count == 0 ? null : extensions);
    }

    /// <summary>400 naming every field that is wrong.</summary>
    public static BadRequestProblem Invalid(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new("Invalid request", detail, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>400 naming one field.</summary>
    public static BadRequestProblem Invalid(string field, string message) =>
        Invalid($"{field} {message}", new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>401 with a title saying what was refused.</summary>
    public static UnauthorizedProblem Unauthorized(string title, string detail) => new(title, detail);

    /// <summary>403 with a title saying what was refused.</summary>
    public static ForbiddenProblem Forbidden(string title, string detail) => new(title, detail);

    /// <summary>422 naming the field that does not match.</summary>
    public static UnprocessableProblem Unprocessable(string title, string detail, string field) =>
        new(title, detail, new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    /// <summary>502: what the request depended on failed.</summary>
    public static BadGatewayProblem BadGateway(string title, string detail, IDictionary<string, object?>? extensions = null) => new(title, detail, extensions);

    /// <summary>503: it cannot be done now.</summary>
    public static UnavailableProblem Unavailable(string title, string detail, IDictionary<string, object?>? extensions = null) => new(title, detail, extensions);
}
