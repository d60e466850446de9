using Microsoft.AspNetCore.OpenApi;

namespace Sleek.Workflows.Host.Endpoints.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: title, security schemes, and the responses the middleware adds.</summary>
internal static class SleekOpenApi
{
    public static IServiceCollection AddSleekOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Sleek Workflows API";
                document.Info.Description = "Durable workflow engine and order orchestration. Errors are RFC 7807 problem details naming the field.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<SecurityTransformer>();
            options.AddOperationTransformer<SecurityTransformer>();
            options.AddOperationTransformer<FaultResponsesTransformer>();
        });
}
