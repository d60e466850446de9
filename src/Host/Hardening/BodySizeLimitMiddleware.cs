using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Caps request bodies: 256 KB unless the endpoint asks for more with <see cref="IRequestSizeLimitMetadata"/>
/// (workflow definitions: <c>Sleek:MaxDefinitionBytes</c>, 2 MB). A declared length over the cap is refused
/// at once (413); a chunked body is cut off by the server feature when it passes the cap.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public const long DefaultLimit = 256 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultLimit;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(statusCode: 413, title: "The request body is too large", detail: $"This endpoint accepts at most {limit} bytes.").ExecuteAsync(http);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(http);
    }
}
