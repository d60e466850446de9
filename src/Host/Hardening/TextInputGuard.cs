using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Sleek.Workflows.Host.Endpoints;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// The one check every text a request brings goes through before any endpoint, filter or authentication handler reads
/// it — route values, the path, query parameters (names and values), headers (the API key, <c>Idempotency-Key</c>, the
/// user agent the audit records) and the body (every string and member name of a JSON body, nested workflow inputs and
/// payloads included; a NUL byte in any other body): a NUL or an unpaired surrogate is refused with 400 naming the field
/// (<see cref="UnstorableText"/>), so no endpoint can forget it and no database ever sees it. A body in another charset
/// than UTF-8, or an unknown one, is refused with 415. A middleware, not a JSON converter or an endpoint filter, because
/// only here are all of these in reach: a converter sees neither headers nor raw <c>JsonNode</c> payloads, a filter runs
/// after authentication has already queried the database with the API key it was given.
/// </summary>
internal sealed class TextInputGuard(RequestDelegate next)
{
    /// <summary>The JSON depth the host accepts (its serializer's MaxDepth): deeper bodies are refused by their endpoint anyway.</summary>
    private const int MaxDepth = 64;

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if ((FindInRequestLine(request) ?? FindInHeaders(request)) is var (field, problem))
        {
            await RefuseAsync(http, field, problem);
            return;
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.Charset.HasValue && !IsUtf8(contentType.Charset.Value))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported charset",
                detail: $"Request bodies are read as UTF-8 (for JSON the only charset, RFC 8259); charset '{UnstorableText.Printable(contentType.Charset.Value.ToString())}' is not supported. Send UTF-8 and say so, or leave the charset out.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [HeaderNames.ContentType] = ["names a charset other than UTF-8"] } })
                .ExecuteAsync(http);
            return;
        }

        if (contentType is { Charset: { HasValue: true } quoted } && quoted.Value!.StartsWith('"'))
        {
            // A quoted charset is valid HTTP, but the JSON reader of the framework takes the quotes for part of the name.
            contentType.Charset = quoted.Value.Trim('"');
            request.ContentType = contentType.ToString();
        }

        if (HasBody(http) && http.GetEndpoint()?.Metadata.GetMetadata<BinaryBody>() is null)
        {
            // Read once here (the size cap of BodySizeLimitMiddleware applies while reading) and handed on from memory.
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, http.RequestAborted);
            var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
            if (FindInBody(bytes.Span) is var (bodyField, bodyProblem))
            {
                await RefuseAsync(http, bodyField, bodyProblem);
                return;
            }

            body.Position = 0;
            request.Body = body;
        }

        await next(http);
    }

    private static (string Field, string Problem)? FindInRequestLine(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && UnstorableText.Problem(text) is { } problem)
            {
                return (name, problem);
            }
        }

        if (request.Path.Value is { } path && UnstorableText.Problem(path) is { } inPath)
        {
            return ("path", inPath);
        }

        foreach (var (name, values) in request.Query)
        {
            if (UnstorableText.Problem(name) is { } inName)
            {
                return (UnstorableText.Printable(name), "is a query parameter whose name " + inName);
            }

            foreach (var value in values)
            {
                if (value is not null && UnstorableText.Problem(value) is { } inValue)
                {
                    return (name, inValue);
                }
            }
        }

        return null;
    }

    private static (string Field, string Problem)? FindInHeaders(HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && UnstorableText.Problem(value) is { } problem)
                {
                    return (name, problem);
                }
            }
        }

        return null;
    }

    private static (string Field, string Problem)? FindInBody(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf((byte)0) >= 0)
        {
            // Raw NUL: JSON never has one (it escapes it), and no other body here may carry one either.
            return ("body", UnstorableText.Nul);
        }

        return UnstorableText.FindInJson(body, MaxDepth);
    }

    private static bool HasBody(HttpContext http) =>
        http.Request.ContentLength is > 0
        || (http.Request.ContentLength is null && http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true });

    private static bool IsUtf8(Microsoft.Extensions.Primitives.StringSegment charset)
    {
        var name = charset.Value!.Trim('"', ' ');
        return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase) || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
    }

    private static Task RefuseAsync(HttpContext http, string field, string problem) =>
        Problems.Invalid($"'{field}' {problem}.", new Dictionary<string, string[]> { [field] = [problem] }).ExecuteAsync(http);
}
