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
}
