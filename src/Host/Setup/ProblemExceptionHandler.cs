using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Sleek.Workflows.Engine.Persistence;
using Sleek.Workflows.Host.Endpoints;
using Sleek.Workflows.Host.Hardening;
using Sleek.Workflows.Host.Idempotency;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Turns request-reading failures (bad JSON, wrong types, too large) into 400/413 problem details that
/// name the field; a database that cannot be reached into 503 with <c>Retry-After</c> (problem type
/// <see cref="ProblemTypes.DatabaseUnavailable"/>), on every endpoint; a commit whose outcome is unknown into 503
/// <see cref="ProblemTypes.OutcomeUnknown"/> with the <c>Idempotency-Key</c> to repeat the request with; anything else
/// becomes a 500 without internals (the log has the details, credentials redacted).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a 503 asks the client to wait: an outage is seconds to minutes, and a repeat is cheap.</summary>
    public const string RetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string detail;
        string? type = null;
        string? retryKey = null;
        var errors = new Dictionary<string, string[]>();
        switch (exception)
        {
            case BadHttpRequestException bad when FindJsonError(bad) is { } json:
                status = StatusCodes.Status400BadRequest;
                title = "The request body is not valid JSON for this endpoint";
                var field = FieldOf(json.Path);
                var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                    ? "has the wrong type for this field"
                    : CleanMessage(json.Message);
                detail = $"'{field}' {message}.";
                errors[field] = [message];
                break;
            case BadHttpRequestException bad when bad.Message.Contains("Implicit body inferred", StringComparison.Ordinal)
                || bad.Message.Contains("was not provided from body", StringComparison.Ordinal):
                status = StatusCodes.Status400BadRequest;
                title = "Invalid request";
                detail = "This endpoint needs a JSON body.";
                errors["body"] = ["is required"];
                break;
            case BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } bind:
                status = StatusCodes.Status400BadRequest;
                title = "Invalid request";
                var value = bind.Groups["value"].Value;
                value = value.Length > 40 ? value[..40] + "…" : value;
                // Handler parameters are named as in the query already; [AsParameters] properties (PageRequest.Page) are not.
                var name = JsonNamingPolicy.CamelCase.ConvertName(bind.Groups["name"].Value);
                detail = $"'{name}' cannot be '{value}'.";
                errors[name] = [$"cannot be read from '{value}'"];
                break;
            case BadHttpRequestException bad:
                status = bad.StatusCode;
                title = status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request is malformed";
                detail = bad.Message;
                break;
            case var _ when Find<CommitOutcomeUnknownException>(exception) is not null:
                // Never a plain 500: the change may have been made. The key lets a repeat find out instead of doing it twice.
                status = StatusCodes.Status503ServiceUnavailable;
                type = ProblemTypes.OutcomeUnknown;
                title = "Outcome unknown";
                retryKey = IdempotencyFilter.RetryKeyOf(httpContext);
                detail = retryKey is null
                    ? "The connection to the database was lost while this change was being committed: it may or may not have taken effect. Look before repeating it."
                    : $"The connection to the database was lost while this request was being committed: it may or may not have taken effect. Repeat it with the header {IdempotencyFilter.HeaderName}: {retryKey} — the repeat answers what the first one did instead of doing it twice.";
                logger.LogWarning(exception, "Outcome unknown on {Method} {Path}: the database connection was lost during COMMIT; answered 503 with a key to repeat it with", httpContext.Request.Method, RequestLogRedaction.PathOf(httpContext));
                break;
            case var _ when DatabaseErrors.IsUnavailable(exception):
                status = StatusCodes.Status503ServiceUnavailable;
                type = ProblemTypes.DatabaseUnavailable;
                title = "The database is unavailable";
                detail = $"The service cannot reach its database right now; nothing was changed by this request. Try again in a few seconds (Retry-After). Quote trace id {httpContext.TraceIdentifier} if it lasts.";
                // One line per request, no stack trace: an outage makes many of these, and the cause is the database's.
                logger.LogWarning("Database unavailable on {Method} {Path}: {Error}", httpContext.Request.Method, RequestLogRedaction.PathOf(httpContext), Describe(exception));
                break;
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, RequestLogRedaction.PathOf(httpContext));
                status = StatusCodes.Status500InternalServerError;
                title = "Internal error";
                detail = $"Something went wrong on our side. Quote trace id {httpContext.TraceIdentifier} when reporting it.";
                break;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail, Type = type };
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors;
        }

        if (type == ProblemTypes.OutcomeUnknown)
        {
            problem.Extensions["idempotencyKey"] = retryKey;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Whether the exception handler should stay silent about an exception (it logs what it needs itself): client errors,
    /// and the database being away, which would otherwise log a stack trace per request of an outage.
    /// </summary>
    public static bool SuppressDiagnostics(Exception exception) =>
        exception is BadHttpRequestException || Find<CommitOutcomeUnknownException>(exception) is not null || DatabaseErrors.IsUnavailable(exception);

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The innermost message, which names the cause (connection refused, the server shutting down).</summary>
    private static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, exception) ? $"{exception.GetType().Name}: {exception.Message}" : $"{exception.GetType().Name}: {exception.Message} ← {inner.GetType().Name}: {inner.Message}";
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?:.* )?(?<name>\\w+)\" from \"(?<value>.*)\"\\.$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
