using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sleek.Workflows.Host.Endpoints;
using Sleek.Workflows.Host.Endpoints.OpenApi;

namespace Sleek.Workflows.Host.Idempotency;

/// <summary>Puts <see cref="IdempotencyFilter"/> on an endpoint and documents the header in OpenAPI.</summary>
internal static class IdempotencyExtensions
{
    /// <summary>Makes a POST endpoint honour <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        // No Produces metadata here: it would replace the responses OpenAPI infers for the handler; the transformer adds 409/422.
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentEndpoint());

    /// <summary>Adds the <c>Idempotency-Key</c> header parameter to the OpenAPI operations of idempotent endpoints.</summary>
    public static IServiceCollection AddSleekIdempotency(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyFilter.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "A client-chosen key (at most 200 characters). A repeat with the same key and request gets the first response again " +
                        "(header Idempotent-Replayed: true) and changes nothing; the same key with another request is 422; while the first request still runs, 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
                operation.Responses ??= [];
                var conflict = SecurityTransformer.ProblemSchema<ProblemDetails>(context);
                var mismatch = SecurityTransformer.ProblemSchema<HttpValidationProblemDetails>(context);
                if (operation.Responses.TryGetValue("409", out var existing) && existing is OpenApiResponse documented)
                {
                    documented.Description += "; also: a request with this Idempotency-Key is still running";
                }

                operation.Responses.TryAdd("409", Problem("Conflict (problem details); also: a request with this Idempotency-Key is still running.", conflict));
                operation.Responses.TryAdd("422", Problem("The Idempotency-Key was already used for a different request (problem details).", mismatch));
            }

            return Task.CompletedTask;
        }));

    private static OpenApiResponse Problem(string description, IOpenApiSchema schema) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ProblemResult.MediaType] = new() { Schema = schema } },
    };

    /// <summary>Marks an endpoint as honouring <c>Idempotency-Key</c>.</summary>
    internal sealed class IdempotentEndpoint;
}
