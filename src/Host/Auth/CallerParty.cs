namespace Sleek.Workflows.Host.Auth;

/// <summary>The party a caller acts for: a buyer (the user's id) or a supplier (the supplier's id, for supplier and factory callers).</summary>
/// <param name="Role"><c>buyer</c>, <c>supplier</c> or <c>factory</c>.</param>
/// <param name="Id">The buyer's user id or the supplier's id.</param>
public sealed record CallerParty(string Role, string Id);
