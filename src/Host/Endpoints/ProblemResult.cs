using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Sleek.Workflows.Host.Endpoints;

/// <summary>
/// An RFC 7807 problem whose status code is part of its type, so a handler's <c>Results&lt;…&gt;</c> tells OpenAPI
/// every problem it can answer (the subclasses in <c>ProblemResults.cs</c>; <see cref="Problems"/> makes them). The
/// body is written exactly as <see cref="TypedResults.Problem(ProblemDetails)"/> writes it: through the problem-details
/// service (type, title, status, detail, traceId and the extensions), as <c>application/problem+json</c>.
/// </summary>
public abstract class ProblemResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    /// <summary>What every problem is sent as.</summary>
    public const string MediaType = "application/problem+json";

    private readonly ProblemHttpResult _problem;

    private protected ProblemResult(int status, string title, string? detail, IDictionary<string, object?>? extensions) =>
        _problem = TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>The problem as it will be written.</summary>
    public ProblemDetails ProblemDetails => _problem.ProblemDetails;

    /// <inheritdoc/>
    public int? StatusCode => _problem.StatusCode;

    /// <inheritdoc/>
    object? IValueHttpResult.Value => _problem.ProblemDetails;

    /// <inheritdoc/>
    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => _problem.ProblemDetails;

    /// <inheritdoc/>
    string? IContentTypeHttpResult.ContentType => MediaType;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => _problem.ExecuteAsync(httpContext);

    /// <summary>Documents a response: <paramref name="status"/> with a problem body of <typeparamref name="TBody"/>'s schema.</summary>
    private protected static void Describe<TBody>(EndpointBuilder builder, int status)
        where TBody : ProblemDetails =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(TBody), [MediaType]));
}
