using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Sleek.Workflows.Host.Setup;

/// <summary>
/// Turns request-reading failures (bad JSON, wrong types, too large) into 400/413 problem details that
/// name the field; anything else becomes a 500 without internals (the log has the details).
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string detail;
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
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                status = StatusCodes.Status500InternalServerError;
                title = "Internal error";
                detail = $"Something went wrong on our side. Quote trace id {httpContext.TraceIdentifier} when reporting it.";
                break;
        }

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
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
