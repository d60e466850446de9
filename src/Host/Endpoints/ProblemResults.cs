using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Sleek.Workflows.Host.Endpoints;

// The problems handlers answer, one type per status so that Results<…> documents each. Made by Problems.

/// <summary>400: the request is wrong; <c>errors</c> names each field with its messages.</summary>
public sealed class BadRequestProblem(string title, string detail, IDictionary<string, object?> extensions)
    : ProblemResult(StatusCodes.Status400BadRequest, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<HttpValidationProblemDetails>(builder, StatusCodes.Status400BadRequest);
}

/// <summary>401 from a handler (sign-in refused); the authentication middleware answers missing credentials itself.</summary>
public sealed class UnauthorizedProblem(string title, string detail)
    : ProblemResult(StatusCodes.Status401Unauthorized, title, detail, null), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status401Unauthorized);
}

/// <summary>403 from a handler: the caller may see the record but not do this to it.</summary>
public sealed class ForbiddenProblem(string title, string detail)
    : ProblemResult(StatusCodes.Status403Forbidden, title, detail, null), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: no such record, or none the caller may see.</summary>
public sealed class NotFoundProblem(string detail)
    : ProblemResult(StatusCodes.Status404NotFound, "Not found", detail, null), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the record's current state forbids it; <c>current</c> carries that state where there is one.</summary>
public sealed class ConflictProblem(string detail, IDictionary<string, object?>? extensions)
    : ProblemResult(StatusCodes.Status409Conflict, "Conflict with the current state", detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status409Conflict);
}

/// <summary>422: well-formed, but it does not match what it refers to; <c>errors</c> names the field.</summary>
public sealed class UnprocessableProblem(string title, string detail, IDictionary<string, object?> extensions)
    : ProblemResult(StatusCodes.Status422UnprocessableEntity, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<HttpValidationProblemDetails>(builder, StatusCodes.Status422UnprocessableEntity);
}

/// <summary>502: something the request depends on failed (a workflow, Stripe).</summary>
public sealed class BadGatewayProblem(string title, string detail, IDictionary<string, object?>? extensions)
    : ProblemResult(StatusCodes.Status502BadGateway, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status502BadGateway);
}

/// <summary>503: it cannot be done right now (not configured, or a dependency is down); try again later.</summary>
public sealed class UnavailableProblem(string title, string detail, IDictionary<string, object?>? extensions)
    : ProblemResult(StatusCodes.Status503ServiceUnavailable, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<ProblemDetails>(builder, StatusCodes.Status503ServiceUnavailable);
}
