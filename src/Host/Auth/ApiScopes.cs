namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// What an API key may do. A scope opens exactly the endpoints whose policy names it (see
/// <see cref="SleekPolicies"/>); a key never passes a role-only policy.
/// </summary>
public static class ApiScopes
{
    /// <summary><c>POST /api/bookmarks/{token}/resume</c>.</summary>
    public const string BookmarksResume = "bookmarks:resume";

    /// <summary><c>POST /api/events/{name}</c>.</summary>
    public const string EventsPublish = "events:publish";

    /// <summary><c>GET /api/orders[/{id}]</c> (only the key's party's orders when it has a party).</summary>
    public const string OrdersRead = "orders:read";

    /// <summary><c>GET /api/tasks[/{id}]</c> of the key's party.</summary>
    public const string TasksRead = "tasks:read";

    /// <summary><c>POST /api/tasks/{id}/complete</c> for tasks of the key's party role (and id).</summary>
    public const string TasksComplete = "tasks:complete";

    /// <summary><c>POST /api/instances</c>.</summary>
    public const string InstancesStart = "instances:start";

    /// <summary><c>GET /api/instances[/{id}]</c>.</summary>
    public const string InstancesRead = "instances:read";

    /// <summary><c>GET /metrics</c> (Prometheus: <c>authorization: {type: ApiKey, credentials: …}</c>).</summary>
    public const string MetricsRead = "metrics:read";

    /// <summary>Hook routes (<c>/api/hooks/…</c>) with <c>"auth": "apiKey"</c> and no scope of their own.</summary>
    public const string HooksCall = "hooks:call";

    /// <summary>All scopes a key may be given (besides a hook route's own <c>hooks:&lt;name&gt;</c>, see <see cref="IsKnown"/>).</summary>
    public static readonly IReadOnlyList<string> All = [BookmarksResume, EventsPublish, OrdersRead, TasksRead, TasksComplete, InstancesStart, InstancesRead, MetricsRead, HooksCall];

    /// <summary>A scope a key may be given: one of <see cref="All"/>, or <c>hooks:&lt;name&gt;</c> that a hook route names.</summary>
    public static bool IsKnown(string scope) =>
        All.Contains(scope) || System.Text.RegularExpressions.Regex.IsMatch(scope, "^hooks:[a-z0-9][a-z0-9-]{0,39}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
}
