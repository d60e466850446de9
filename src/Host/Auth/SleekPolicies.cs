using Microsoft.AspNetCore.Authorization;

namespace Sleek.Workflows.Host.Auth;

/// <summary>
/// Named authorization policies. Every endpoint names one (or is explicitly anonymous); anything else falls
/// to the fallback policy, which demands a signed-in caller, so a new endpoint is closed until someone decides.
/// Policies say who may call an endpoint at all; which order, quote, invoice or task a caller may see or
/// complete is decided in the handler (<see cref="ResourceAccess"/>).
/// </summary>
public static class SleekPolicies
{
    /// <summary>Admin only: users, API keys, audit.</summary>
    public const string Admin = "admin";

    /// <summary>Admin, ops: workflows, instances, incidents, migrations, order actions.</summary>
    public const string Ops = "ops";

    /// <summary>Admin, ops, rule authors: the palette and reading rules.</summary>
    public const string Staff = "staff";

    /// <summary>Admin, rule authors: changing rules.</summary>
    public const string RulesWrite = "rules.write";

    /// <summary>Supplier users only: their own products (the handler checks the party).</summary>
    public const string Supplier = "supplier";

    /// <summary>Any signed-in user (any role); no API key.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Any signed-in user, or a key with orders:read.</summary>
    public const string OrdersRead = "orders.read";

    /// <summary>Any signed-in user, or a key with tasks:read or tasks:complete.</summary>
    public const string TasksRead = "tasks.read";

    /// <summary>Any signed-in user, or a key with tasks:complete.</summary>
    public const string TasksComplete = "tasks.complete";

    /// <summary>Admin, ops, or a key with bookmarks:resume.</summary>
    public const string BookmarksResume = "bookmarks.resume";

    /// <summary>Admin, ops, or a key with events:publish.</summary>
    public const string EventsPublish = "events.publish";

    /// <summary>Admin, ops, or a key with instances:start.</summary>
    public const string InstancesStart = "instances.start";

    /// <summary>Admin, ops, or a key with instances:read.</summary>
    public const string InstancesRead = "instances.read";

    /// <summary>Admin, ops, or a key with metrics:read.</summary>
    public const string Metrics = "metrics";

    /// <summary>Who passes each policy: the user roles, and the API-key scopes (none: no key passes it).</summary>
    public static readonly IReadOnlyDictionary<string, PolicyCallers> Callers = CallersOf();

    /// <summary>Registers every policy, the default and the fallback.</summary>
    public static void Configure(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.DefaultPolicy = signedIn;
        // Endpoints that name no policy and are not explicitly anonymous: closed to anonymous callers.
        options.FallbackPolicy = signedIn;
        foreach (var (name, callers) in Callers)
        {
            options.AddPolicy(name, policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context =>
                {
                    var caller = SleekCaller.From(context.User);
                    return caller.IsApiKey
                        ? callers.Scopes.Any(caller.Scopes.Contains)
                        : caller.Role is { } role && callers.Roles.Contains(role);
                }));
        }
    }

    private static Dictionary<string, PolicyCallers> CallersOf()
    {
        string[] all = [.. SleekRoles.All];
        string[] ops = [SleekRoles.Admin, SleekRoles.Ops];
        return new Dictionary<string, PolicyCallers>
        {
            [Admin] = new([SleekRoles.Admin], []),
            [Ops] = new(ops, []),
            [Staff] = new([SleekRoles.Admin, SleekRoles.Ops, SleekRoles.RuleAuthor], []),
            [RulesWrite] = new([SleekRoles.Admin, SleekRoles.RuleAuthor], []),
            [Supplier] = new([SleekRoles.Supplier], []),
            [SignedIn] = new(all, []),
            [OrdersRead] = new(all, [ApiScopes.OrdersRead]),
            [TasksRead] = new(all, [ApiScopes.TasksRead, ApiScopes.TasksComplete]),
            [TasksComplete] = new(all, [ApiScopes.TasksComplete]),
            [BookmarksResume] = new(ops, [ApiScopes.BookmarksResume]),
            [EventsPublish] = new(ops, [ApiScopes.EventsPublish]),
            [InstancesStart] = new(ops, [ApiScopes.InstancesStart]),
            [InstancesRead] = new(ops, [ApiScopes.InstancesRead]),
            [Metrics] = new(ops, [ApiScopes.MetricsRead]),
        };
    }
}
