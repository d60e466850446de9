using Sleek.Workflows.Host.Auth;
using Sleek.Workflows.Host.Identity;

namespace Sleek.Workflows.Host.Audit;

/// <summary>
/// Records every request other than GET/HEAD/OPTIONS made by an admin, ops or rule author, after it ran:
/// <c>METHOD route-pattern</c>, the route values as target (secret ones masked) and the outcome from the
/// status. Handlers may name the target better with <see cref="SetTarget"/>; a request whose work was audited already
/// (a resume, an event, a task completion: <see cref="ResumeAudit"/>) is not recorded twice.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next)
{
    private const string TargetItem = "sleek.audit.target";
    private const string RecordedItem = "sleek.audit.recorded";
    private static readonly HashSet<string> SecretRouteValues = new(StringComparer.OrdinalIgnoreCase) { "token", "key" };

    public static void SetTarget(HttpContext http, string target) => http.Items[TargetItem] = target;

    /// <summary>This request's work has its own audit entries: no second, generic one.</summary>
    public static void MarkRecorded(HttpContext http) => http.Items[RecordedItem] = true;

    public async Task InvokeAsync(HttpContext http, IAuditLog audit)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            await next(http);
            return;
        }

        var failed = true;
        try
        {
            await next(http);
            failed = false;
        }
        finally
        {
            // Read the role after authentication ran (it runs before this middleware).
            var caller = SleekCaller.From(http.User);
            if (caller.Role is { } role && SleekRoles.Audited.Contains(role) && !http.Items.ContainsKey(RecordedItem))
            {
                var status = failed ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
                await audit.RecordAsync(http, ActionOf(http), OutcomeOf(status), TargetOf(http), null, status);
            }
        }
    }

    private static string ActionOf(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        return $"{http.Request.Method} {pattern}";
    }

    private static string? TargetOf(HttpContext http)
    {
        if (http.Items.TryGetValue(TargetItem, out var named) && named is string target)
        {
            return target;
        }

        var values = http.Request.RouteValues;
        return values.Count == 0
            ? null
            : string.Join(", ", values.Select(v => $"{v.Key}={(SecretRouteValues.Contains(v.Key) ? "***" : v.Value)}"));
    }

    private static AuditOutcome OutcomeOf(int status) => status switch
    {
        < 400 => AuditOutcome.Success,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditOutcome.Denied,
        StatusCodes.Status429TooManyRequests => AuditOutcome.Limited,
        _ => AuditOutcome.Failure,
    };
}
