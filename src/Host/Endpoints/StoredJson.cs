using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// 200 with JSON kept as text (a published workflow version), sent byte for byte as it was stored, optionally as a
/// download; OpenAPI documents it with <typeparamref name="TSchema"/>'s schema.
/// </summary>
/// <typeparam name="TSchema">The type the text is an instance of.</typeparam>
/// <param name="json">The stored JSON.</param>
/// <param name="downloadName">A file name: sent as an attachment with it.</param>
public sealed class StoredJson<TSchema>(string json, string? downloadName = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string MediaType = "application/json";

    /// <inheritdoc/>
    public int? StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public string ContentType => MediaType;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => downloadName is null
        ? TypedResults.Text(json, MediaType, Encoding.UTF8).ExecuteAsync(httpContext)
        : TypedResults.File(Encoding.UTF8.GetBytes(json), MediaType, downloadName).ExecuteAsync(httpContext);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TSchema), [MediaType]));
}
