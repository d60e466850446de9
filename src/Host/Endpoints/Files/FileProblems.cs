using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Sleek.Workflows.Host.Endpoints.Files;

/// <summary>413: the file is larger than its kind allows; <c>errors</c> names the field.</summary>
public sealed class TooLargeProblem(string title, string detail, IDictionary<string, object?> extensions)
    : ProblemResult(StatusCodes.Status413PayloadTooLarge, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<HttpValidationProblemDetails>(builder, StatusCodes.Status413PayloadTooLarge);
}

/// <summary>415: the file's content (sniffed from its bytes) is not a type its kind accepts; <c>errors</c> names the field.</summary>
public sealed class UnsupportedTypeProblem(string title, string detail, IDictionary<string, object?> extensions)
    : ProblemResult(StatusCodes.Status415UnsupportedMediaType, title, detail, extensions), IEndpointMetadataProvider
{
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe<HttpValidationProblemDetails>(builder, StatusCodes.Status415UnsupportedMediaType);
}
