using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sleek.Workflows.Host.Endpoints.OpenApi;

/// <summary>
/// Documents what any operation can answer when its database is away: 503 with <c>Retry-After</c>, of problem type
/// <see cref="ProblemTypes.DatabaseUnavailable"/> or, for a change whose commit's outcome is unknown,
/// <see cref="ProblemTypes.OutcomeUnknown"/> with the <c>Idempotency-Key</c> to repeat it with
/// (<see cref="Host.Setup.ProblemExceptionHandler"/> answers both, for every endpoint).
/// </summary>
internal sealed class FaultResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("503", new OpenApiResponse
        {
            Description = $"The database cannot be reached: repeat after Retry-After (problem type {ProblemTypes.DatabaseUnavailable}). A change whose commit's outcome is unknown " +
                $"answers {ProblemTypes.OutcomeUnknown} with idempotencyKey: repeat the request with that Idempotency-Key.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemResult.MediaType] = new() { Schema = SecurityTransformer.ProblemSchema<ProblemDetails>(context) },
            },
        });
        return Task.CompletedTask;
    }
}
