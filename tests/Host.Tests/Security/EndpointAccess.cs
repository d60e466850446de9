namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>
/// The expected access of every endpoint: who passes its policy. An endpoint of the app that has no entry
/// here fails the matrix, so a new endpoint needs a decision before it ships.
/// </summary>
public static class EndpointAccess
{
    private static readonly Caller[] Roles = [Caller.Buyer, Caller.Supplier, Caller.Factory, Caller.Ops, Caller.RuleAuthor, Caller.Admin];

    // Keys with the scope, bound to a party or to none: the policy lets them all in; which records they reach is the handler's (ResourceAccess).
    private static readonly Caller[] ScopedKeys = [Caller.KeyWithScopes, Caller.BuyerKey, Caller.SupplierKey];
    private static readonly Caller[] Everyone = [Caller.Anonymous, .. Roles, .. ScopedKeys, Caller.KeyWithoutScope];
    private static readonly Caller[] Admin = [Caller.Admin];
    private static readonly Caller[] Ops = [Caller.Admin, Caller.Ops];
    private static readonly Caller[] Staff = [Caller.Admin, Caller.Ops, Caller.RuleAuthor];
    private static readonly Caller[] RulesWrite = [Caller.Admin, Caller.RuleAuthor];
    private static readonly Caller[] OpsOrScope = [Caller.Admin, Caller.Ops, .. ScopedKeys];
    private static readonly Caller[] RolesOrScope = [.. Roles, .. ScopedKeys];
    private static readonly Caller[] Metrics = [Caller.Admin, Caller.Ops, .. ScopedKeys, Caller.KeyWithoutScope];

    // Starting a workflow: not for a key bound to a party (it could name anyone as buyer); 403 from ResourceAccess.
    private static readonly Caller[] OpsOrUnboundScope = [Caller.Admin, Caller.Ops, Caller.KeyWithScopes];

    /// <summary>"METHOD pattern" (pattern without a trailing slash) → the callers that pass its policy.</summary>
    public static readonly IReadOnlyDictionary<string, Caller[]> Expected = new Dictionary<string, Caller[]>
    {
        ["GET /health"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /scalar/{documentName?}"] = Everyone,
        ["GET /scalar/favicon.svg"] = Everyone,
        ["GET /scalar/scalar.aspnetcore.js"] = Everyone,
        ["GET /scalar/scalar.js"] = Everyone,
        ["GET /metrics"] = Metrics,
        ["GET /api/setup/status"] = Everyone,
        ["POST /api/setup/admin"] = Everyone,
        ["GET /api/activities"] = Staff,

        ["GET /api/workflows"] = Ops,
        ["POST /api/workflows"] = Ops,
        ["POST /api/workflows/validate"] = Ops,
        ["POST /api/workflows/import"] = Ops,
        ["POST /api/workflows/convert"] = Ops,
        ["GET /api/workflows/{definitionId}"] = Ops,
        ["GET /api/workflows/{definitionId}/versions"] = Ops,
        ["GET /api/workflows/{definitionId}/versions/{version:int}"] = Ops,
        ["PUT /api/workflows/{definitionId}/draft"] = Ops,
        ["POST /api/workflows/{definitionId}/publish"] = Ops,
        ["GET /api/workflows/{definitionId}/export"] = Ops,
        ["POST /api/workflows/{definitionId}/migrations/dry-run"] = Ops,

        ["POST /api/instances"] = OpsOrUnboundScope,
        ["GET /api/instances"] = OpsOrScope,
        ["GET /api/instances/{id:guid}"] = OpsOrScope,
        ["GET /api/instances/{id:guid}/journal"] = OpsOrScope,
        ["POST /api/instances/{id:guid}/cancel"] = Ops,
        ["POST /api/instances/{id:guid}/retry"] = Ops,
        ["POST /api/instances/{id:guid}/migrate"] = Ops,
        ["POST /api/bulk-operations/dry-run"] = Ops,
        ["POST /api/bulk-operations"] = Ops,
        ["GET /api/bulk-operations"] = Ops,
        ["GET /api/bulk-operations/{id:guid}"] = Ops,
        ["POST /api/workflows/{definitionId}/draft/replay"] = Ops,

        ["POST /api/bookmarks/{token}/resume"] = OpsOrScope,
        ["POST /api/events/{name}"] = OpsOrScope,

        // Hooks: anonymous at the policy; each published route checks its own caller (key scope, role, or public and
        // rate limited) in the handler — tests/Host.Tests/Scenarios/HookScenario.cs. With no route published all get 404.
        ["GET /api/hooks/{**path}"] = Everyone,
        ["POST /api/hooks/{**path}"] = Everyone,
        ["PUT /api/hooks/{**path}"] = Everyone,
        ["PATCH /api/hooks/{**path}"] = Everyone,
        ["DELETE /api/hooks/{**path}"] = Everyone,

        ["GET /api/tasks"] = RolesOrScope,
        ["GET /api/tasks/{id:guid}"] = RolesOrScope,
        ["POST /api/tasks/{id:guid}/complete"] = RolesOrScope,

        ["GET /api/incidents"] = Ops,
        ["POST /api/incidents/{id:guid}/retry"] = Ops,
        ["POST /api/incidents/{id:guid}/cancel"] = Ops,

        ["GET /api/rules"] = Staff,
        ["POST /api/rules"] = RulesWrite,
        ["POST /api/rules/{name}/rename"] = RulesWrite,
        ["POST /api/rules/{name}/retire"] = RulesWrite,
        ["GET /api/rules/{name}"] = Staff,
        ["GET /api/rules/{name}/versions"] = Staff,
        ["PUT /api/rules/{name}"] = RulesWrite,
        ["POST /api/rules/{name}/preview"] = Staff,

        ["GET /api/invoices/{id:guid}"] = RolesOrScope,
        ["GET /api/orders/{id:guid}/invoices"] = RolesOrScope,
        ["POST /api/invoices/{id:guid}/payment-intent"] = Roles,
        ["POST /api/webhooks/stripe"] = Everyone,
        ["GET /api/analytics"] = Ops,

        ["POST /api/quotes"] = Everyone,
        ["GET /api/quotes/{id:guid}"] = Roles,
        ["POST /api/quotes/{id:guid}/accept"] = Roles,
        // Buyer portal (issue 14): a quote's capability link is the permission (the handler checks the token).
        ["GET /api/quotes/{id:guid}/link"] = Everyone,
        ["POST /api/quotes/{id:guid}/link/accept"] = Everyone,
        ["GET /api/quotes"] = Roles,
        // Signed in, and only a buyer account claims (403 from the handler for other roles).
        // The quote assistant: anyone may talk (catalog and prices); a conversation's owner is checked in the handler.
        ["GET /api/assistant"] = Everyone,
        ["POST /api/assistant/conversations"] = Everyone,
        ["GET /api/assistant/conversations"] = Roles,
        ["GET /api/assistant/conversations/{id:guid}"] = Everyone,
        ["POST /api/assistant/conversations/{id:guid}/messages"] = Everyone,
        ["POST /api/assistant/conversations/{id:guid}/proposals/{messageId:guid}/confirm"] = Roles,
        ["POST /api/portal/claim-quotes"] = [Caller.Buyer],
        ["POST /api/portal/claim-quotes/send"] = [Caller.Buyer],
        ["GET /api/invoices/{id:guid}/pdf"] = RolesOrScope,

        // A supplier's documents: any signed-in user passes the policy; the handler lets in staff and that supplier only (SupplierAccess).
        ["POST /api/suppliers/{id:guid}/documents"] = Roles,
        ["GET /api/suppliers/{id:guid}/documents"] = Roles,
        ["GET /api/suppliers/{id:guid}/documents/{fileId:guid}"] = Roles,
        // Suppliers: ops list, create, invite, suspend and reinstate; a supplier's own users and staff read, edit and submit (SupplierAccess); anyone signs up.
        ["GET /api/suppliers"] = Ops,
        ["POST /api/suppliers"] = Ops,
        ["POST /api/suppliers/invitations"] = Ops,
        ["GET /api/suppliers/{id:guid}"] = Roles,
        ["PUT /api/suppliers/{id:guid}"] = Roles,
        ["POST /api/suppliers/{id:guid}/submit"] = Roles,
        ["POST /api/suppliers/{id:guid}/suspend"] = Ops,
        ["POST /api/suppliers/{id:guid}/reinstate"] = Ops,
        ["POST /api/suppliers/signup"] = Everyone,
        ["GET /api/orders"] = RolesOrScope,
        ["GET /api/orders/{id:guid}"] = RolesOrScope,
        ["GET /api/orders/{id:guid}/tasks"] = RolesOrScope,
        ["POST /api/orders/{id:guid}/cancel"] = Ops,
        ["POST /api/orders/{id:guid}/hold"] = Ops,
        ["POST /api/orders/{id:guid}/release"] = Ops,
        // Issue 15's supply scores: the policy lets any role in; the handler shows them to ops and the supplier only (404 else).
        ["GET /api/orders/{id:guid}/risk"] = RolesOrScope,
        ["GET /api/suppliers/{id:guid}/performance"] = RolesOrScope,

        // Live streams (SSE) and the supplier portal (issue 14, supplier side).
        ["GET /api/orders/{id:guid}/events"] = RolesOrScope,
        ["GET /api/instances/{id:guid}/events"] = OpsOrScope,
        ["GET /api/portal/offers"] = RolesOrScope,
        ["GET /api/portal/suppliers"] = Ops,

        // Product catalog (issue 15): suppliers submit their own products (the handler checks the party); buyers browse anonymously.
        ["POST /api/products"] = [Caller.Supplier],
        ["PUT /api/products/{id:guid}"] = [Caller.Supplier],
        ["GET /api/products/mine"] = [Caller.Supplier],
        ["GET /api/products/{id:guid}"] = Roles,
        ["GET /api/catalog/products"] = Everyone,
        ["GET /api/catalog/products/{id:guid}"] = Everyone,
        ["GET /api/catalog/categories"] = Everyone,
        ["POST /api/products/{id:guid}/images"] = [Caller.Supplier],
        ["GET /api/products/{id:guid}/images/{fileId:guid}"] = Roles,
        ["GET /api/catalog/products/{id:guid}/images/{fileId:guid}"] = Everyone,
        ["GET /api/notifications"] = Roles,
        ["POST /api/notifications/{id:guid}/read"] = Roles,
        ["GET /api/notifications/events"] = Roles,

        ["POST /api/auth/register"] = Everyone,
        ["POST /api/auth/login"] = Everyone,
        ["POST /api/auth/bootstrap-admin"] = Everyone,
        ["POST /api/auth/refresh"] = Everyone,
        ["POST /api/auth/logout"] = Everyone,
        ["POST /api/auth/login/two-factor"] = Everyone,
        ["POST /api/auth/login/two-factor/setup"] = Everyone,
        ["POST /api/auth/login/two-factor/confirm"] = Everyone,
        ["POST /api/auth/two-factor/setup"] = Roles,
        ["POST /api/auth/two-factor/confirm"] = Roles,
        ["POST /api/auth/password"] = Roles,
        ["POST /api/auth/password-reset"] = Everyone,
        ["POST /api/auth/password-reset/confirm"] = Everyone,
        ["POST /api/users"] = Admin,
        ["GET /api/users"] = Admin,
        ["POST /api/users/{id:guid}/approve"] = Admin,
        ["POST /api/users/{id:guid}/disable"] = Admin,
        ["POST /api/users/{id:guid}/enable"] = Admin,
        ["PUT /api/users/{id:guid}/role"] = Admin,
        ["DELETE /api/users/{id:guid}"] = Admin,
        ["POST /api/users/{id:guid}/two-factor/reset"] = Admin,
        ["POST /api/api-keys"] = Admin,
        ["GET /api/api-keys"] = Admin,
        ["DELETE /api/api-keys/{id:guid}"] = Admin,
        ["GET /api/audit"] = Admin,
    };

    /// <summary>Bodies that get past an anonymous endpoint's own checks to a plain 400 (so 401/403 can only come from a policy).</summary>
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>
    {
        ["POST /api/auth/bootstrap-admin"] = $$"""{"token":"{{Infrastructure.TestAuth.BootstrapToken}}","email":"not-an-email"}""",
    };
}
