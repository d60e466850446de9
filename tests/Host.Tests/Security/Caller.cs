namespace Sleek.Workflows.Host.Tests.Security;

/// <summary>The kinds of caller the authorization matrix tries on every endpoint.</summary>
public enum Caller
{
    Anonymous,
    Buyer,
    Supplier,
    Factory,
    Ops,
    RuleAuthor,
    Admin,

    /// <summary>An API key holding every scope.</summary>
    KeyWithScopes,

    /// <summary>An API key holding only metrics:read (no scope of any other endpoint).</summary>
    KeyWithoutScope,

    /// <summary>An API key holding every scope, bound to a buyer (partyRole buyer, partyId = a buyer's user id).</summary>
    BuyerKey,

    /// <summary>An API key holding every scope, bound to a supplier (partyRole supplier, partyId = a supplier's id).</summary>
    SupplierKey,
}
