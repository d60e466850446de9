using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>Records a 403 from an endpoint's policy as <see cref="AuditActions.Forbidden"/>, then answers as usual.</summary>
internal sealed class AuditingAuthorizationResultHandler(IAuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            await audit.RecordAsync(context, AuditActions.Forbidden, AuditOutcome.Denied, $"{context.Request.Method} {endpoint}", null, StatusCodes.Status403Forbidden);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
