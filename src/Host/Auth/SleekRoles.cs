namespace Sleek.Workflows.Host.Auth;

/// <summary>The six roles of docs/domain.md; a user has exactly one (the <c>role</c> claim of their token).</summary>
public static class SleekRoles
{
    /// <summary>Everything, including users, API keys and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Workflows, instances, incidents, all orders.</summary>
    public const string Ops = "ops";

    /// <summary>Rules.</summary>
    public const string RuleAuthor = "rule_author";

    /// <summary>Their own quotes, orders and invoices.</summary>
    public const string Buyer = "buyer";

    /// <summary>Orders assigned to their supplier, and their tasks.</summary>
    public const string Supplier = "supplier";

    /// <summary>Factory staff of a supplier: like a supplier user for orders and tasks.</summary>
    public const string Factory = "factory";

    /// <summary>All roles.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Ops, RuleAuthor, Buyer, Supplier, Factory];

    /// <summary>Roles whose non-GET requests are always audited.</summary>
    public static readonly IReadOnlyList<string> Audited = [Admin, Ops, RuleAuthor];

    /// <summary>Roles bound to a supplier (<c>party</c> claim = supplier id).</summary>
    public static bool IsSupplierSide(string? role) => role is Supplier or Factory;

    /// <summary>True for a known role name.</summary>
    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
