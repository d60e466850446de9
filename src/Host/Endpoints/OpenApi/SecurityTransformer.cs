using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.RateLimits;

namespace Sleek.Workflows.Host.Endpoints.OpenApi;

/// <summary>
/// Declares how callers identify themselves (a bearer JWT from <c>/api/auth/login</c>, or an API key in
/// <c>X-Api-Key</c>) and, on every operation that needs a caller, which of the two it takes, with the roles or
/// scopes its policy accepts (<see cref="SleekPolicies.Callers"/>), and the 401/403 the authorization middleware
/// answers. Anonymous operations get none of it. Rate-limited operations get their 429.
/// </summary>
internal sealed class SecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The bearer scheme's name in the document.</summary>
    public const string Bearer = "Bearer";

    /// <summary>The API-key scheme's name in the document.</summary>
    public const string ApiKey = "ApiKey";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        // The responses added below refer to these; typed results register them too, this makes sure.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var problem in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            if (!document.Components.Schemas.ContainsKey(problem.Name))
            {
                document.Components.Schemas[problem.Name] = await context.GetOrCreateSchemaAsync(problem, null, cancellationToken);
            }
        }

        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/auth/login (or /api/auth/bootstrap-admin): Authorization: Bearer <token>.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "An API key made by an admin (POST /api/api-keys); it opens only the endpoints of its scopes.",
        };
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<SleekRateLimitMetadata>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests: the limit of this endpoint is used up; Retry-After says when to try again.");
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        // A caller must pass every policy named (a group's and the endpoint's own): the roles and scopes they share.
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var callers = policies.Select(p => SleekPolicies.Callers.GetValueOrDefault(p)).OfType<PolicyCallers>().ToList();
        var roles = callers.Count == 0 ? [] : callers.Select(c => c.Roles.AsEnumerable()).Aggregate((a, b) => a.Intersect(b)).ToList();
        var scopes = callers.Count == 0 ? [] : callers.Select(c => c.Scopes.AsEnumerable()).Aggregate((a, b) => a.Intersect(b)).ToList();
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = roles });
        if (scopes.Count > 0)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKey, context.Document)] = scopes });
        }

        AddProblem(operation, context, StatusCodes.Status401Unauthorized, "No valid token or API key was sent.");
        AddProblem(operation, context, StatusCodes.Status403Forbidden, $"The caller's role or key scopes do not pass this endpoint's policy ({string.Join(", ", policies)}).");
        return Task.CompletedTask;
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemResult.MediaType] = new() { Schema = ProblemSchema<ProblemDetails>(context) },
            },
        };
    }

    /// <summary>A reference to the problem schema (the document transformer makes sure the document has it).</summary>
    internal static IOpenApiSchema ProblemSchema<TProblem>(OpenApiOperationTransformerContext context)
        where TProblem : ProblemDetails =>
        new OpenApiSchemaReference(typeof(TProblem).Name, context.Document);
}
