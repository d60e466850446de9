using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Sleek.Workflows.Host.Endpoints.Assistant;

/// <summary>429: the assistant's daily token budget is spent; <c>Retry-After</c> says when it renews (midnight UTC).</summary>
public sealed class BudgetSpentProblem(int retryAfterSeconds, string detail)
    : ProblemResult(StatusCodes.Status429TooManyRequests, "Assistant budget spent", detail, new Dictionary<string, object?> { ["formUrl"] = "/quote", ["retryAfter"] = retryAfterSeconds }),
        IResult, IEndpointMetadataProvider
{
    /// <summary>Seconds until the budget renews.</summary>
    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    /// <inheritdoc/>
    Task IResult.ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Math.Max(1, RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
        return ExecuteAsync(httpContext);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), [MediaType]));
}
